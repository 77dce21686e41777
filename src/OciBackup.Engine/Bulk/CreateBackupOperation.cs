using System;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Bulk
{
    /// <summary>Backs up each item (a volume or a volume group) with the same details: New-OciVolumeBackup, New-OciVolumeGroupBackup.</summary>
    internal sealed class CreateBackupOperation : BulkOperation
    {
        private readonly BackupKind _kind;
        private readonly BackupDetails _details;

        public CreateBackupOperation(BackupKind kind, BackupDetails details)
        {
            _kind = kind ?? throw new ArgumentNullException(nameof(kind));
            _details = details ?? throw new ArgumentNullException(nameof(details));
        }

        public override string Name => _kind.CreateOperation;

        public override ResourceKind ItemKind => _kind.Source;

        public override ResourceKind ResultKind => _kind;

        public override string ResultNoun => "backup";

        public override string Action => "Create " + _details.Describe();

        public override string Activity => $"Creating {_kind.Source.Noun} backups";

        public override string DoneVerb => "created";

        public override string CallNoun => "create";

        public override string UnansweredEffect => "may have made a backup";

        public override string DescribeStart(BulkItem item, string? retryToken) =>
            $"Creating {_details.Describe()} for {_kind.Source.Noun} {item.Id} (retry token {retryToken}).";

        public override async Task<BulkItemResult> RunAsync(IRegionalClients clients, BulkItem item, string? retryToken, CancellationToken cancellationToken, OciCallOptions call)
        {
            var result = await _kind.CreateAsync(clients.Blockstorage(item.Region), item.Id, _details, retryToken!, cancellationToken, call).ConfigureAwait(false);
            return new BulkItemResult(item, result.Value.Id, result.Value, result.Response.OpcRequestId);
        }
    }
}
