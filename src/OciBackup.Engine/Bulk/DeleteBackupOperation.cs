using System;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Kinds;

namespace OciBackup.Engine.Bulk
{
    /// <summary>
    /// Deletes each backup, in its own region. A backup the service no longer knows (404) is already what was asked
    /// for: it counts as deleted, not as a failure, so a deletion can be run again safely. A wait waits for
    /// TERMINATED, where a 404 counts too.
    /// </summary>
    internal sealed class DeleteBackupOperation : BulkOperation
    {
        private readonly BackupKind _kind;

        public DeleteBackupOperation(BackupKind kind)
        {
            _kind = kind ?? throw new ArgumentNullException(nameof(kind));
        }

        public override string Name => _kind.DeleteOperation;

        public override ResourceKind ItemKind => _kind;

        public override ResourceKind ResultKind => _kind;

        public override bool TakesRetryToken => false;

        public override string Action => _kind.DeleteAction;

        public override string Activity => $"Deleting {_kind.Noun}s";

        public override string DoneVerb => "deleted";

        public override string CallNoun => "delete";

        public override string UnansweredEffect => "may have deleted the backup";

        public override string WaitState => _kind.Lifecycle.Deleted;

        public override string RecoveryHint(string? runKey) => "Run the same deletion again: a backup already gone counts as deleted.";

        public override string DescribeStart(BulkItem item, string? retryToken) => $"Deleting {_kind.Noun} {item.Id}.";

        public override async Task<BulkItemResult> RunAsync(IRegionalClients clients, BulkItem item, string? retryToken, CancellationToken cancellationToken, OciCallOptions call)
        {
            var response = await _kind.DeleteAsync(clients.Blockstorage(item.Region), item.Id, cancellationToken, call).ConfigureAwait(false);
            // Already gone: say so as TERMINATED; otherwise the service has only begun (TERMINATING) and says nothing more.
            var gone = response == null ? _kind.Gone(item.Id, item.Region, null) : null;
            return new BulkItemResult(item, item.Id, gone, response?.OpcRequestId);
        }
    }
}
