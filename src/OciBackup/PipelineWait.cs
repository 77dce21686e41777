using System;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Waiting;

namespace OciBackup
{
    /// <summary>
    /// A wait fed from a cmdlet's pipeline, whichever cloud: the engine's <see cref="ResourceWaiter"/> polls from the
    /// first target on while more come in; each one done is written on the pipeline thread as it gets there, and the
    /// end of the pipeline waits for the last.
    /// </summary>
    internal sealed class PipelineWait
    {
        private readonly ServiceCmdlet _cmdlet;
        private readonly WaitReporter _reporter;
        private readonly ResourceWaiter _waiter;
        private readonly Task _waiting;

        public PipelineWait(ServiceCmdlet cmdlet, IServiceClients clients, ResourceWaiterOptions options, WaitReporter reporter)
        {
            _cmdlet = cmdlet;
            _reporter = reporter;
            _waiter = new ResourceWaiter(clients, options, reporter);
            _waiting = _waiter.RunAsync(cmdlet.StopToken);
        }

        public void Add(WaitTarget target) => _waiter.Add(target);

        /// <summary>The end of the pipeline: writes each result as it is done, then closes the progress bar.</summary>
        public void Finish()
        {
            _waiter.Complete();
            try
            {
                _cmdlet.Queue.RunUntil(_waiting, _cmdlet, _cmdlet.StopToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _reporter.Complete(_cmdlet);
        }
    }
}
