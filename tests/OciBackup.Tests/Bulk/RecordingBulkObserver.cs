using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OciBackup.Engine;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Models;
using OciBackup.Engine.Waiting;
using OciBackup.Tests.Waiting;

namespace OciBackup.Tests.Bulk
{
    /// <summary>Keeps every bulk run callback, and "writes" (tells the run written) the results a test chooses, as a cmdlet would.</summary>
    internal sealed class RecordingBulkObserver : IBulkObserver
    {
        private readonly object _gate = new object();
        private readonly List<BulkItemResult> _done = new List<BulkItemResult>();
        private readonly List<(BulkItem Item, Exception Error)> _failed = new List<(BulkItem, Exception)>();
        private readonly List<BulkProgress> _progress = new List<BulkProgress>();
        private readonly Func<string, bool> _writes;
        private readonly TaskCompletionSource<bool> _answered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _answersWanted = int.MaxValue;

        /// <param name="writes">Which items' results are written (and told to the run); all when null.</param>
        public RecordingBulkObserver(IClock clock, Func<string, bool>? writes = null)
        {
            Wait = new RecordingObserver(clock);
            _writes = writes ?? (_ => true);
        }

        public BulkRun? Run { get; set; }

        /// <summary>A run this observer hears, and writes the results of.</summary>
        public BulkRun Start(Engine.Http.IRegionalClients clients, BulkOperation operation, BulkRunOptions options) => Run = new BulkRun(clients, operation, options, this);

        /// <summary>The wait's callbacks.</summary>
        public RecordingObserver Wait { get; }

        public IReadOnlyList<BulkItemResult> Done
        {
            get
            {
                lock (_gate)
                {
                    return _done.ToArray();
                }
            }
        }

        public IReadOnlyList<(BulkItem Item, Exception Error)> Failed
        {
            get
            {
                lock (_gate)
                {
                    return _failed.ToArray();
                }
            }
        }

        public IReadOnlyList<BulkProgress> Progress
        {
            get
            {
                lock (_gate)
                {
                    return _progress.ToArray();
                }
            }
        }

        /// <summary>Completes once this many items have an answer (done or failed).</summary>
        public Task Answered(int count)
        {
            lock (_gate)
            {
                _answersWanted = count;
                Check();
                return _answered.Task;
            }
        }

        public void OnItemDone(BulkItemResult result)
        {
            lock (_gate)
            {
                _done.Add(result);
                Check();
            }

            if (!result.WaitFollows && _writes(result.Item.Id))
            {
                Run!.Written(result.ResultId);
            }
        }

        public void OnItemFailed(BulkItem item, Exception error)
        {
            lock (_gate)
            {
                _failed.Add((item, error));
                Check();
            }
        }

        public void OnRunProgress(BulkProgress progress)
        {
            lock (_gate)
            {
                _progress.Add(progress);
            }
        }

        public void OnReached(WaitTarget target, ILifecycleResource resource)
        {
            Wait.OnReached(target, resource);
            if (_writes((string)target.Tag!))
            {
                Run!.Written(target.Id);
            }
        }

        public void OnFailed(WaitTarget target, WaitFailure failure)
        {
            Wait.OnFailed(target, failure);
            if (_writes((string)target.Tag!))
            {
                Run!.Written(target.Id);
            }
        }

        public void OnProgress(WaitProgress progress) => Wait.OnProgress(progress);

        private void Check()
        {
            if (_done.Count + _failed.Count >= _answersWanted)
            {
                _answered.TrySetResult(true);
            }
        }
    }
}
