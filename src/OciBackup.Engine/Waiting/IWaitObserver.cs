using OciBackup.Engine.Models;

namespace OciBackup.Engine.Waiting
{
    /// <summary>
    /// Hears how a wait goes. Called on worker threads (a cmdlet queues these for its pipeline thread):
    /// implementations must be thread-safe and quick. Each target gets exactly one OnReached or OnFailed.
    /// </summary>
    internal interface IWaitObserver
    {
        void OnReached(WaitTarget target, ILifecycleResource resource);

        void OnFailed(WaitTarget target, WaitFailure failure);

        void OnProgress(WaitProgress progress);
    }
}
