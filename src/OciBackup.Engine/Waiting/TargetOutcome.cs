using OciBackup.Engine.Models;

namespace OciBackup.Engine.Waiting
{
    /// <summary>A target's one result, gathered under the waiter's lock and told to the observer outside it.</summary>
    internal sealed class TargetOutcome
    {
        private TargetOutcome(WaitTarget target, ILifecycleResource? reached, WaitFailure? failure)
        {
            Target = target;
            Reached = reached;
            Failure = failure;
        }

        public WaitTarget Target { get; }

        public ILifecycleResource? Reached { get; }

        public WaitFailure? Failure { get; }

        public static TargetOutcome Of(WaitTarget target, TrackedResource finished) =>
            new TargetOutcome(target, finished.ReachedAs, finished.Failure);

        public void TellTo(IWaitObserver observer)
        {
            if (Failure != null)
            {
                observer.OnFailed(Target, Failure);
            }
            else
            {
                observer.OnReached(Target, Reached!);
            }
        }
    }
}
