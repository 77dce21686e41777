using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup
{
    /// <summary>
    /// Hands work results from worker threads to the pipeline thread. Workers only ever post; the
    /// pipeline thread runs what was posted (WriteObject, WriteError, WriteProgress, WriteVerbose), as
    /// PowerShell requires.
    /// </summary>
    internal sealed class PipelineQueue
    {
        private readonly BlockingCollection<Action<PSCmdlet>> _actions = new BlockingCollection<Action<PSCmdlet>>();

        public void Post(Action<PSCmdlet> action)
        {
            try
            {
                _actions.Add(action);
            }
            catch (InvalidOperationException)
            {
                // Completed: the command has ended; nothing can be written any more.
            }
        }

        /// <summary>Runs whatever has been posted so far, without waiting.</summary>
        public void RunPosted(PSCmdlet cmdlet)
        {
            while (_actions.TryTake(out var action))
            {
                action(cmdlet);
            }
        }

        /// <summary>Runs posted work as it arrives until <paramref name="done"/> completes, then what is left.</summary>
        public void RunUntil(Task done, PSCmdlet cmdlet, CancellationToken cancellationToken)
        {
            done.ContinueWith(_ => Post(Nothing), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (!done.IsCompleted || _actions.Count > 0)
            {
                if (_actions.TryTake(out var action, Timeout.Infinite, cancellationToken))
                {
                    action(cmdlet);
                }
            }
        }

        private static void Nothing(PSCmdlet cmdlet)
        {
        }
    }
}
