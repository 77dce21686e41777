using System;
using System.Collections.Generic;

namespace OciBackup.Engine.Waiting
{
    /// <summary>How long backups of one kind took, watched from pending to done; the median predicts the rest. Not thread-safe.</summary>
    internal sealed class ObservedDurations
    {
        private readonly List<TimeSpan> _durations = new List<TimeSpan>();
        private TimeSpan? _median;

        public int Count => _durations.Count;

        public TimeSpan? Median => _median;

        public void Record(TimeSpan duration)
        {
            if (duration < TimeSpan.Zero)
            {
                return;
            }

            var index = _durations.BinarySearch(duration);
            _durations.Insert(index < 0 ? ~index : index, duration);
            var middle = _durations.Count / 2;
            _median = _durations.Count % 2 == 1
                ? _durations[middle]
                : TimeSpan.FromTicks((_durations[middle - 1].Ticks + _durations[middle].Ticks) / 2);
        }
    }
}
