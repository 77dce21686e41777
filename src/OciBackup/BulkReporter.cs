using System;
using System.Management.Automation;
using System.Threading;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Models;
using OciBackup.Engine.Waiting;

namespace OciBackup
{
    /// <summary>
    /// Reports a bulk run on the pipeline thread: a verbose line for each answered call, each result as it is done
    /// (or, with a wait, as it reaches its state), an error record for each item that fails, and a progress bar.
    /// Each result or failure it writes is told back to the run, so Ctrl+C reports only what was never written.
    /// </summary>
    internal sealed class BulkReporter : IBulkObserver
    {
        private const int ActivityId = 70;
        private readonly bool _writeResults;
        private readonly PipelineQueue _queue;
        private readonly BulkOperation _operation;
        private readonly Action<string> _written;
        private readonly WaitReporter _wait;
        private readonly Func<Exception, object, string, ErrorRecord> _errors;
        private int _existing;

        /// <param name="written">Told the id of each result once it is written or failed (on the pipeline thread).</param>
        /// <param name="writeResults">False for a command that writes nothing (a deletion): results are told in -Verbose only.</param>
        /// <param name="errors">How a failed item becomes an error record: OCI's (<see cref="ServiceErrorRecords"/>) unless another cloud's.</param>
        /// <param name="waitCommand">The cmdlet that waits longer, for the advice of a timed-out wait.</param>
        /// <param name="waitState">The state a person is told the results are waited for in; the operation's wait state unless given.</param>
        public BulkReporter(PipelineQueue queue, BulkOperation operation, Action<string> written, bool writeResults = true, Func<Exception, object, string, ErrorRecord>? errors = null,
            string waitCommand = "Wait-OciBackup", string? waitState = null)
        {
            _queue = queue;
            _operation = operation;
            _written = written;
            _writeResults = writeResults;
            _errors = errors ?? ServiceErrorRecords.From;
            _wait = new WaitReporter(queue, waitState ?? operation.WaitState, written, operation.WaitNounPlural, writeResults, errors, waitCommand);
        }

        /// <summary>Results that were there already (copies made earlier), among the run's successes.</summary>
        public int Existing => Volatile.Read(ref _existing);

        public void OnItemDone(BulkItemResult result)
        {
            if (result.Existing)
            {
                Interlocked.Increment(ref _existing);
            }

            var state = result.Resource?.LifecycleState;
            var message = result.Existing
                ? $"Found {_operation.ResultNoun} {result.ResultId} of {result.Item.Id}" + (state == null ? string.Empty : $" ({state})") + $", made earlier: nothing {_operation.DoneVerb}."
                : $"{Capitalized(_operation.DoneVerb)} {_operation.ResultNoun} {result.ResultId}"
                    + (result.ResultId == result.Item.Id ? string.Empty : $" of {result.Item.Id}")
                    + (state == null ? string.Empty : $" ({state})")
                    + $" in {(long)result.Elapsed.TotalMilliseconds} ms"
                    + (result.OpcRequestId == null && result.Notes.Count > 0 ? "." : $"; {_operation.RequestIdName} {result.OpcRequestId}.");
            var notes = result.Notes.ToArray();
            var warnings = result.Warnings.ToArray();
            if (result.WaitFollows)
            {
                _queue.Post(cmdlet => Tell(cmdlet, message, notes, warnings));
                return;
            }

            _queue.Post(cmdlet =>
            {
                Tell(cmdlet, message, notes, warnings);
                if (result.Resource != null && _writeResults)
                {
                    cmdlet.WriteObject(result.Resource);
                }

                _written(result.ResultId);
            });
        }

        public void OnItemFailed(BulkItem item, Exception error)
        {
            var record = _errors(error, item.Id, _operation.ItemKind.ErrorNoun);
            _queue.Post(cmdlet => cmdlet.WriteError(record));
        }

        public void OnRunProgress(BulkProgress progress)
        {
            var record = new ProgressRecord(ActivityId, _operation.Activity, $"{progress.Succeeded} {_operation.DoneVerb}, {progress.Failed} failed, {progress.Submitted} requested")
            {
                PercentComplete = progress.PercentComplete,
            };
            _queue.Post(cmdlet => cmdlet.WriteProgress(record));
        }

        public void OnReached(WaitTarget target, ILifecycleResource resource) => _wait.OnReached(target, resource);

        public void OnFailed(WaitTarget target, WaitFailure failure) => _wait.OnFailed(target, failure);

        public void OnProgress(WaitProgress progress) => _wait.OnProgress(progress);

        /// <summary>The run is over: both progress bars are closed (on the pipeline thread).</summary>
        public void Complete(PSCmdlet cmdlet, bool waited)
        {
            cmdlet.WriteProgress(new ProgressRecord(ActivityId, _operation.Activity, "Done") { RecordType = ProgressRecordType.Completed });
            if (waited)
            {
                _wait.Complete(cmdlet);
            }
        }

        private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);

        private static void Tell(PSCmdlet cmdlet, string message, string[] notes, string[] warnings)
        {
            cmdlet.WriteVerbose(message);
            foreach (var note in notes)
            {
                cmdlet.WriteVerbose(note);
            }

            foreach (var warning in warnings)
            {
                cmdlet.WriteWarning(warning);
            }
        }
    }
}
