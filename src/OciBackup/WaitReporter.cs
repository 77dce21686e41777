using System;
using System.Management.Automation;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;
using OciBackup.Engine.Waiting;

namespace OciBackup
{
    /// <summary>
    /// Reports a wait on the pipeline thread: each backup as it reaches the state, an error for each
    /// one that cannot (FAULTY, TERMINATED, not found, timed out), and a progress bar of done/total
    /// with the slowest backup still pending.
    /// </summary>
    internal sealed class WaitReporter : IWaitObserver
    {
        private const int ActivityId = 71;
        private readonly PipelineQueue _queue;
        private readonly string _state;
        private readonly bool _writeResults;

        private readonly Action<string>? _written;
        private readonly string _activity;

        /// <param name="state">The state waited for, in the service's spelling.</param>
        /// <param name="written">Told the id of each backup once it is written or failed (on the pipeline thread).</param>
        /// <param name="waitedFor">What is waited for, in the plural: <c>backups</c>, <c>copies</c>, <c>volumes</c>.</param>
        /// <param name="writeResults">False for a command that writes nothing (a deletion): each arrival is told in -Verbose only.</param>
        public WaitReporter(PipelineQueue queue, string state, Action<string>? written = null, string waitedFor = "backups", bool writeResults = true)
        {
            _queue = queue;
            _state = state;
            _written = written;
            _activity = $"Waiting for {waitedFor} to be {state}";
            _writeResults = writeResults;
        }

        public void OnReached(WaitTarget target, ILifecycleResource resource) =>
            _queue.Post(cmdlet =>
            {
                cmdlet.WriteVerbose($"{Describe(resource)} is {resource.LifecycleState}.");
                if (_writeResults)
                {
                    cmdlet.WriteObject(resource);
                }

                _written?.Invoke(target.Id);
            });

        public void OnFailed(WaitTarget target, WaitFailure failure)
        {
            var record = Record(target, failure);
            _queue.Post(cmdlet =>
            {
                cmdlet.WriteError(record);
                _written?.Invoke(target.Id);
            });
        }

        public void OnProgress(WaitProgress progress)
        {
            var status = $"{progress.Done} of {progress.Total} done";
            if (progress.SlowestPending != null)
            {
                status += $"; slowest: {progress.SlowestPending.Id} ({progress.SlowestState ?? "not seen yet"}, {Format(progress.SlowestElapsed)})";
            }

            var record = new ProgressRecord(ActivityId, _activity, status)
            {
                PercentComplete = progress.Total == 0 ? 0 : Math.Min(100, progress.Done * 100 / progress.Total),
            };
            _queue.Post(cmdlet => cmdlet.WriteProgress(record));
        }

        public void Complete(PSCmdlet cmdlet) =>
            cmdlet.WriteProgress(new ProgressRecord(ActivityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });

        private ErrorRecord Record(WaitTarget target, WaitFailure failure)
        {
            var exception = failure.Error ?? new InvalidOperationException(failure.Message);
            var item = target.Tag ?? target.Id;
            var kind = target.Kind;
            var what = kind.ErrorNoun;
            switch (failure.Kind)
            {
                case WaitFailureKind.Faulty:
                    return Make(exception, failure, $"OciBackup.{what}Faulty", ErrorCategory.InvalidResult, item,
                        $"The {kind.Noun} failed on the service side and will never become {_state}; " + (kind is BackupKind backup ? $"create a new backup of the same {backup.Source.Noun}." : "create it again."));
                case WaitFailureKind.Terminated:
                    return Make(exception, failure, $"OciBackup.{what}Terminated", ErrorCategory.InvalidResult, item,
                        $"The {kind.Noun} was deleted; create a new one.");
                case WaitFailureKind.NotFound:
                    return Make(exception, failure, $"OciBackup.{what}NotFound", ErrorCategory.ObjectNotFound, item,
                        $"Check the {kind.Noun} OCID and its region.");
                case WaitFailureKind.TimedOut:
                    return Make(exception, failure, "OciBackup.WaitTimedOut", ErrorCategory.OperationTimeout, item,
                        $"The {kind.Noun} is still on its way; wait longer with Wait-OciBackup -Timeout.");
                default:
                    return ServiceErrorRecords.From(exception, item, what);
            }
        }

        private static ErrorRecord Make(Exception exception, WaitFailure failure, string id, ErrorCategory category, object item, string action) =>
            new ErrorRecord(exception, id, category, item) { ErrorDetails = new ErrorDetails(failure.Message) { RecommendedAction = action } };

        private static string Describe(ILifecycleResource resource) =>
            string.IsNullOrEmpty(resource.DisplayName) ? resource.Id : $"'{resource.DisplayName}' ({resource.Id})";

        private static string Format(TimeSpan elapsed) =>
            elapsed.TotalHours >= 1 ? $"{(int)elapsed.TotalHours}h {elapsed.Minutes}m" : elapsed.TotalMinutes >= 1 ? $"{(int)elapsed.TotalMinutes}m {elapsed.Seconds}s" : $"{elapsed.Seconds}s";
    }
}
