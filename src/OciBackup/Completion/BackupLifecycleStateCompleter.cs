using System.Collections.Generic;

namespace OciBackup.Completion
{
    /// <summary>
    /// Completes a backup lifecycle state (-State of Wait-OciBackup) with OCI's spellings: AVAILABLE first, the
    /// state most waits are for, then the others in lifecycle order.
    /// </summary>
    public sealed class BackupLifecycleStateCompleter : FixedValueCompleter
    {
        protected override IEnumerable<KeyValuePair<string, string>> ValuesWithToolTips { get; } = new[]
        {
            new KeyValuePair<string, string>("AVAILABLE", "The backup is complete and can be restored."),
            new KeyValuePair<string, string>("REQUEST_RECEIVED", "OCI has accepted the request."),
            new KeyValuePair<string, string>("CREATING", "The backup is being taken."),
            new KeyValuePair<string, string>("COMMITTED", "Taken, not yet available (between CREATING and AVAILABLE)."),
            new KeyValuePair<string, string>("TERMINATING", "The backup is being deleted."),
            new KeyValuePair<string, string>("TERMINATED", "The backup was deleted."),
            new KeyValuePair<string, string>("FAULTY", "The backup failed and will never become available."),
        };
    }
}
