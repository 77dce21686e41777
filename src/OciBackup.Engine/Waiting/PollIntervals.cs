using System;

namespace OciBackup.Engine.Waiting
{
    /// <summary>
    /// How long to wait before polling a backup again, from its age alone (no per-backup counters, so a
    /// list that refreshes a backup early changes nothing). Young backups are polled at a fraction of
    /// their age (back-off); with an expected duration the next poll lands halfway to the expected
    /// completion, so polls tighten as it nears; past it, they back off again with the overrun.
    /// </summary>
    internal sealed class PollIntervals
    {
        private const double Fraction = 0.5;

        public PollIntervals(TimeSpan min, TimeSpan max)
        {
            if (min <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(min), "The minimum poll interval must be positive.");
            }

            if (max < min)
            {
                throw new ArgumentOutOfRangeException(nameof(max), "The maximum poll interval must not be below the minimum.");
            }

            Min = min;
            Max = max;
        }

        public TimeSpan Min { get; }

        public TimeSpan Max { get; }

        public TimeSpan Next(TimeSpan age, TimeSpan? expectedDuration)
        {
            if (age < TimeSpan.Zero)
            {
                age = TimeSpan.Zero;
            }

            TimeSpan basis;
            if (expectedDuration is TimeSpan expected)
            {
                var remaining = expected - age;
                basis = remaining > TimeSpan.Zero
                    ? (age < remaining ? age : remaining)
                    : -remaining;
            }
            else
            {
                basis = age;
            }

            var interval = TimeSpan.FromTicks((long)(basis.Ticks * Fraction));
            if (interval < Min)
            {
                return Min;
            }

            return interval > Max ? Max : interval;
        }
    }
}
