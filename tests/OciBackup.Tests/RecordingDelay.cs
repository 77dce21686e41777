using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine;

namespace OciBackup.Tests
{
    /// <summary>A delay that returns at once, remembers what was asked, and moves the test's clock on by it.</summary>
    public sealed class RecordingDelay : IDelay
    {
        private readonly FixedClock? _clock;

        public RecordingDelay(FixedClock? clock = null)
        {
            _clock = clock;
        }

        public ConcurrentQueue<TimeSpan> Delays { get; } = new ConcurrentQueue<TimeSpan>();

        public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Delays.Enqueue(delay);
            if (_clock != null)
            {
                _clock.UtcNow += delay;
            }

            return Task.CompletedTask;
        }
    }
}
