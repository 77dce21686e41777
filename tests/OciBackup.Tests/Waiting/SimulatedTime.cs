using System;
using System.Collections.Generic;
using System.Linq;
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
        private readonly List<(int Count, TaskCompletionSource<bool> Started)> _heldDelayWaiters = new List<(int Count, TaskCompletionSource<bool> Started)>();
        private readonly List<(DateTimeOffset Due, TaskCompletionSource<bool> Done)> _heldTimers = new List<(DateTimeOffset Due, TaskCompletionSource<bool> Done)>();
        private DateTimeOffset _now;
        private int _heldDelays;

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

        /// <summary>Delays block (until cancelled, or until <see cref="Advance"/> moves the clock past their end) instead of moving the clock.</summary>
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

        /// <summary>Moves the clock on while <see cref="Held"/>: the held delays that end by then end.</summary>
        public void Advance(TimeSpan by)
        {
            List<TaskCompletionSource<bool>> ended;
            lock (_gate)
            {
                _now += by;
                ended = _heldTimers.Where(t => t.Due <= _now).Select(t => t.Done).ToList();
                _heldTimers.RemoveAll(t => t.Due <= _now);
            }

            ended.ForEach(done => done.TrySetResult(true));
        }

        /// <summary>Completes once <paramref name="count"/> delays have started while <see cref="Held"/>, counting from the first.</summary>
        public Task HeldDelaysStarted(int count)
        {
            lock (_gate)
            {
                if (_heldDelays >= count)
                {
                    return Task.CompletedTask;
                }

                var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                _heldDelayWaiters.Add((count, started));
                return started.Task;
            }
        }

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
            List<TaskCompletionSource<bool>> reached;
            lock (_gate)
            {
                _heldDelays++;
                reached = _heldDelayWaiters.Where(w => w.Count <= _heldDelays).Select(w => w.Started).ToList();
                _heldDelayWaiters.RemoveAll(w => w.Count <= _heldDelays);
            }

            reached.ForEach(started => started.TrySetResult(true));
            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
            lock (_gate)
            {
                _heldTimers.Add((_now + delay, done));
            }

            return done.Task;
        }
    }
}
