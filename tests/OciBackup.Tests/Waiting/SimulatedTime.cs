using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine;

namespace OciBackup.Tests.Waiting
{
    /// <summary>
    /// A clock that moves only when the code under test waits: each delay is recorded and the clock jumps
    /// by it at once. When held, delays instead last until cancelled, so a test can catch the waiter asleep.
    /// </summary>
    public sealed class SimulatedTime : IClock, IDelay
    {
        private readonly object _gate = new object();
        private readonly List<TimeSpan> _delays = new List<TimeSpan>();
        private readonly TaskCompletionSource<bool> _heldDelayStarted = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private DateTimeOffset _now;

        public SimulatedTime(DateTimeOffset start)
        {
            _now = start;
        }

        public static DateTimeOffset Epoch { get; } = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

        public DateTimeOffset UtcNow
        {
            get
            {
                lock (_gate)
                {
                    return _now;
                }
            }
        }

        /// <summary>Delays block (until cancelled) instead of moving the clock.</summary>
        public bool Held { get; set; }

        /// <summary>Completes when a delay starts while <see cref="Held"/>.</summary>
        public Task HeldDelayStarted => _heldDelayStarted.Task;

        public IReadOnlyList<TimeSpan> Delays
        {
            get
            {
                lock (_gate)
                {
                    return _delays.ToArray();
                }
            }
        }

        public TimeSpan Elapsed => UtcNow - Epoch;

        public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return Task.FromCanceled(cancellationToken);
            }

            lock (_gate)
            {
                _delays.Add(delay);
                if (!Held)
                {
                    _now += delay;
                    return Task.CompletedTask;
                }
            }

            _heldDelayStarted.TrySetResult(true);
            return Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
