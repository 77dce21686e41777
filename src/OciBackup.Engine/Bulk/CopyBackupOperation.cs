using System;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Bulk
{
    /// <summary>
    /// Copies each backup to one destination region: the call goes to the backup's own region (the item's), the
    /// copy lives in the destination, and a wait polls it there (Oracle's CLI does the same; polling the copy in the
    /// source region answers 404).
    /// </summary>
    internal sealed class CopyBackupOperation : BulkOperation
    {
        private readonly BackupKind _kind;
        private readonly CopyBackupDetails _details;

        public CopyBackupOperation(BackupKind kind, CopyBackupDetails details)
        {
            _kind = kind ?? throw new ArgumentNullException(nameof(kind));
            _details = details ?? throw new ArgumentNullException(nameof(details));
        }

        public override string Name => _kind.CopyOperation;

        public override ResourceKind ItemKind => _kind;

        public override ResourceKind ResultKind => _kind;

        /// <summary>A copy of one backup to two regions must not be one retry token.</summary>
        public override string RetryTokenScope => Name + " to " + _details.DestinationRegion;

        public override string ResultNoun => "copy";

        public override string Action => $"Copy to {_details.DestinationRegion}" + (_details.DisplayName == null ? string.Empty : $" as '{_details.DisplayName}'");

        public override string Activity => $"Copying {_kind.Noun}s to {_details.DestinationRegion}";

        public override string DoneVerb => "made";

        public override string CallNoun => "copy";

        public override string UnansweredEffect => "may have started a copy";

        public override string? ResultRegion(BulkItem item) => _details.DestinationRegion;

        public override string DescribeStart(BulkItem item, string? retryToken) =>
            $"Copying {_kind.Noun} {item.Id} to {_details.DestinationRegion} (retry token {retryToken}).";

        public override async Task<BulkItemResult> RunAsync(IRegionalClients clients, BulkItem item, string? retryToken, CancellationToken cancellationToken, OciCallOptions call)
        {
            var result = await _kind.CopyAsync(clients.Blockstorage(item.Region), item.Id, _details, retryToken!, cancellationToken, call).ConfigureAwait(false);
            return new BulkItemResult(item, result.Value.Id, result.Value, result.Response.OpcRequestId);
        }
    }
}
