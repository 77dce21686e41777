using System;
using System.Management.Automation;
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

        private readonly Action<string>? _written;

        /// <param name="written">Told the id of each backup once it is written or failed (on the pipeline thread).</param>
        public WaitReporter(PipelineQueue queue, BackupLifecycleState state, Action<string>? written = null)
        {
            _queue = queue;
            _state = BackupLifecycleStates.ToServiceString(state);
            _written = written;
        }

        public void OnReached(WaitTarget target, BackupResource backup) =>
            _queue.Post(cmdlet =>
            {
                cmdlet.WriteVerbose($"{Describe(backup)} is {backup.LifecycleState}.");
                cmdlet.WriteObject(backup);
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

            var record = new ProgressRecord(ActivityId, $"Waiting for backups to be {_state}", status)
            {
                PercentComplete = progress.Total == 0 ? 0 : Math.Min(100, progress.Done * 100 / progress.Total),
            };
            _queue.Post(cmdlet => cmdlet.WriteProgress(record));
        }

        public void Complete(PSCmdlet cmdlet) =>
            cmdlet.WriteProgress(new ProgressRecord(ActivityId, $"Waiting for backups to be {_state}", "Done") { RecordType = ProgressRecordType.Completed });

        private static ErrorRecord Record(WaitTarget target, WaitFailure failure)
        {
            var exception = failure.Error ?? new InvalidOperationException(failure.Message);
            var item = target.Tag ?? target.Id;
            switch (failure.Kind)
            {
                case WaitFailureKind.Faulty:
                    return Make(exception, failure, "OciBackup.BackupFaulty", ErrorCategory.InvalidResult, item,
                        "The backup failed on the service side and will never become AVAILABLE; create a new backup of the same volume.");
                case WaitFailureKind.Terminated:
                    return Make(exception, failure, "OciBackup.BackupTerminated", ErrorCategory.InvalidResult, item,
                        "The backup was deleted; create a new one.");
                case WaitFailureKind.NotFound:
                    return Make(exception, failure, "OciBackup.BackupNotFound", ErrorCategory.ObjectNotFound, item,
                        "Check the backup OCID and the session's region.");
                case WaitFailureKind.TimedOut:
                    return Make(exception, failure, "OciBackup.WaitTimedOut", ErrorCategory.OperationTimeout, item,
                        "The backup is still on its way; wait longer with Wait-OciBackup -Timeout.");
                default:
                    var record = ServiceErrorRecords.From(exception, item, "Backup");
                    return record;
            }
        }

        private static ErrorRecord Make(Exception exception, WaitFailure failure, string id, ErrorCategory category, object item, string action) =>
            new ErrorRecord(exception, id, category, item) { ErrorDetails = new ErrorDetails(failure.Message) { RecommendedAction = action } };

        private static string Describe(BackupResource backup) =>
            string.IsNullOrEmpty(backup.DisplayName) ? backup.Id : $"'{backup.DisplayName}' ({backup.Id})";

        private static string Format(TimeSpan elapsed) =>
            elapsed.TotalHours >= 1 ? $"{(int)elapsed.TotalHours}h {elapsed.Minutes}m" : elapsed.TotalMinutes >= 1 ? $"{(int)elapsed.TotalMinutes}m {elapsed.Seconds}s" : $"{elapsed.Seconds}s";
    }
}
