using System;
using System.Management.Automation;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;

namespace OciBackup
{
    /// <summary>
    /// A bulk run fed from a cmdlet's pipeline, whichever cloud: each item checked, asked about (ShouldProcess, which
    /// -Force skips but never -WhatIf) and handed to the engine's <see cref="BulkRun"/>; what the run reports written on
    /// the pipeline thread; at the end the results waited for and counted; on Ctrl+C, what had been sent said.
    /// </summary>
    internal sealed class PipelineBulkRun
    {
        private readonly ServiceCmdlet _cmdlet;
        private readonly BulkReporter _reporter;

        /// <param name="writeResults">False for a command that writes nothing (a deletion): results are told in -Verbose only.</param>
        /// <param name="errors">How a failed item becomes an error record: OCI's unless another cloud's.</param>
        /// <param name="waitCommand">The cmdlet that waits longer, for the advice of a timed-out wait.</param>
        /// <param name="waitState">The state a person is told the results are waited for in; the operation's unless given.</param>
        public PipelineBulkRun(ServiceCmdlet cmdlet, IServiceClients clients, BulkOperation operation, BulkRunOptions options, bool writeResults = true,
            Func<Exception, object, string, ErrorRecord>? errors = null, string waitCommand = "Wait-OciBackup", string? waitState = null)
        {
            _cmdlet = cmdlet;
            _reporter = new BulkReporter(cmdlet.Queue, operation, id => Run?.Written(id), writeResults, errors, waitCommand, waitState);
            options.CancellationToken = cmdlet.StopToken;
            Run = new BulkRun(clients, operation, options, _reporter);
        }

        public BulkRun Run { get; }

        /// <summary>One item from the pipeline: an error of its own when <paramref name="problem"/> says what is wrong with it, else asked about and sent.</summary>
        /// <param name="reason">Why this item is acted on, when the piped object says so (a retention rule): told by ShouldProcess and -Verbose.</param>
        public void Offer(BulkItem item, InputProblem? problem, bool force, string? reason = null)
        {
            if (problem != null)
            {
                _cmdlet.WriteError(InputErrors.Record(problem, item.Id));
                _cmdlet.Queue.RunPosted(_cmdlet);
                return;
            }

            var action = Run.Operation.Action + (reason == null ? string.Empty : $" ({reason})");
            // -Force skips a confirmation prompt, never -WhatIf.
            if (!(force && !WhatIfRequested()) && !_cmdlet.ShouldProcess($"{Run.Operation.ItemKind.TypeName} {item.Id}", action))
            {
                return;
            }

            var token = Run.Submit(item);
            var started = Run.Operation.DescribeStart(item, token);
            _cmdlet.WriteVerbose(reason == null ? started : $"{started.TrimEnd('.')}: {reason}.");
            _cmdlet.Queue.RunPosted(_cmdlet);
        }

        /// <summary>The end of the pipeline: writes what is left as it comes, closes the progress bars and counts.</summary>
        public void Finish()
        {
            try
            {
                _cmdlet.Queue.RunUntil(Run.CompleteAsync(), _cmdlet, _cmdlet.StopToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _reporter.Complete(_cmdlet, Run.Waits);
            var progress = Run.Progress;
            var existing = _reporter.Existing;
            _cmdlet.WriteVerbose($"{progress.Succeeded - existing} of {progress.Submitted} {Run.Operation.ResultNounPlural} {Run.Operation.DoneVerb}, "
                + (existing == 0 ? string.Empty : $"{existing} found made earlier, ") + $"{progress.Failed} failed.");
        }

        /// <summary>Ctrl+C: the run cancels every call and wait at once, then this says what had been sent, so none is silently lost.</summary>
        public void Stop()
        {
            var report = Run.Stop(TimeSpan.FromMilliseconds(500));
            if (report.IsEmpty)
            {
                return;
            }

            try
            {
                _cmdlet.Host.UI.WriteWarningLine(report.Message);
            }
            catch (Exception ex) when (ex is PipelineStoppedException || ex is InvalidOperationException || ex is NotImplementedException)
            {
                // A host that cannot write any more.
            }
        }

        private bool WhatIfRequested()
        {
            if (_cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf) && whatIf is SwitchParameter on)
            {
                return on.IsPresent;
            }

            var preference = _cmdlet.GetVariableValue("WhatIfPreference");
            return preference is SwitchParameter flag ? flag.IsPresent : preference is bool value && value;
        }
    }
}
