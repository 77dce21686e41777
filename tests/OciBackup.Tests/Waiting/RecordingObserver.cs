using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OciBackup.Engine;
using OciBackup.Engine.Models;
using OciBackup.Engine.Waiting;

namespace OciBackup.Tests.Waiting
{
    /// <summary>Keeps every callback in the order it came, with the time on the clock when it came.</summary>
    internal sealed class RecordingObserver : IWaitObserver
    {
        private readonly object _gate = new object();
        private readonly IClock _clock;
        private readonly List<(WaitTarget Target, ILifecycleResource? Backup, WaitFailure? Failure, DateTimeOffset At)> _outcomes = new List<(WaitTarget, ILifecycleResource?, WaitFailure?, DateTimeOffset)>();
        private readonly List<WaitProgress> _progress = new List<WaitProgress>();
        private readonly Dictionary<string, TaskCompletionSource<bool>> _arrivals = new Dictionary<string, TaskCompletionSource<bool>>();

        public RecordingObserver(IClock clock)
        {
            _clock = clock;
        }

        public IReadOnlyList<(WaitTarget Target, ILifecycleResource? Backup, WaitFailure? Failure, DateTimeOffset At)> Outcomes
        {
            get
            {
                lock (_gate)
                {
                    return _outcomes.ToArray();
                }
            }
        }

        public IReadOnlyList<WaitProgress> Progress
        {
            get
            {
                lock (_gate)
                {
                    return _progress.ToArray();
                }
            }
        }

        public IReadOnlyList<string> ReachedIds => Outcomes.Where(o => o.Failure == null).Select(o => o.Target.Id).ToList();

        public WaitFailure FailureOf(string id) => Outcomes.Single(o => o.Target.Id == id).Failure!;

        public ILifecycleResource BackupOf(string id) => Outcomes.Single(o => o.Target.Id == id).Backup!;

        public DateTimeOffset WhenDone(string id) => Outcomes.Single(o => o.Target.Id == id).At;

        /// <summary>Completes when the target with this id has its outcome.</summary>
        public Task Done(string id)
        {
            lock (_gate)
            {
                return Arrival(id).Task;
            }
        }

        public void OnReached(WaitTarget target, ILifecycleResource backup) => Record(target, backup, null);

        public void OnFailed(WaitTarget target, WaitFailure failure) => Record(target, null, failure);

        public void OnProgress(WaitProgress progress)
        {
            lock (_gate)
            {
                _progress.Add(progress);
            }
        }

        private void Record(WaitTarget target, ILifecycleResource? backup, WaitFailure? failure)
        {
            TaskCompletionSource<bool> arrival;
            lock (_gate)
            {
                _outcomes.Add((target, backup, failure, _clock.UtcNow));
                arrival = Arrival(target.Id);
            }

            arrival.TrySetResult(true);
        }

        private TaskCompletionSource<bool> Arrival(string id)
        {
            if (!_arrivals.TryGetValue(id, out var arrival))
            {
                arrival = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                _arrivals.Add(id, arrival);
            }

            return arrival;
        }
    }
}
