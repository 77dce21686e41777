using System;
using OciBackup.Engine.Waiting;

namespace OciBackup.Engine.Bulk
{
    /// <summary>
    /// Hears how a bulk run goes, including its wait: called on worker threads (a cmdlet queues these for its
    /// pipeline thread), so implementations must be thread-safe and quick. Each item gets exactly one
    /// OnItemDone or OnItemFailed; each result waited for then gets exactly one OnReached or OnFailed.
    /// </summary>
    internal interface IBulkObserver : IWaitObserver
    {
        void OnItemDone(BulkItemResult result);

        void OnItemFailed(BulkItem item, Exception error);

        void OnRunProgress(BulkProgress progress);
    }
}
