using System;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Bulk
{
    /// <summary>
    /// Restores each backup as a new volume (or volume group) in the backup's region and the given availability
    /// domain, in the compartment asked for, else the backup's own (read from the backup when the item does not say).
    /// </summary>
    internal sealed class RestoreBackupOperation : BulkOperation
    {
        private readonly BackupKind _kind;
        private readonly RestoreDetails _details;

        public RestoreBackupOperation(BackupKind kind, RestoreDetails details)
        {
            _kind = kind ?? throw new ArgumentNullException(nameof(kind));
            _details = details ?? throw new ArgumentNullException(nameof(details));
        }

        public override string Name => _kind.RestoreOperation;

        public override ResourceKind ItemKind => _kind;

        public override ResourceKind ResultKind => _kind.Source;

        public override string Action => $"Restore as a new {_kind.Source.Noun} in {_details.AvailabilityDomain}" + (_details.DisplayName == null ? string.Empty : $" named '{_details.DisplayName}'");

        public override string Activity => $"Restoring {_kind.Noun}s";

        public override string DoneVerb => "restored";

        public override string CallNoun => "restore";

        public override string UnansweredEffect => $"may have made a {_kind.Source.Noun}";

        public override string DescribeStart(BulkItem item, string? retryToken) =>
            $"Restoring {_kind.Noun} {item.Id} as a new {_kind.Source.Noun} in {_details.AvailabilityDomain} (retry token {retryToken}).";

        public override async Task<BulkItemResult> RunAsync(IRegionalClients clients, BulkItem item, string? retryToken, CancellationToken cancellationToken, OciCallOptions call)
        {
            var client = clients.Blockstorage(item.Region);
            var compartmentId = _details.CompartmentId ?? item.CompartmentId
                ?? (await _kind.GetAsync(client, item.Id, cancellationToken, call).ConfigureAwait(false)).Value.CompartmentId
                ?? throw new InvalidOperationException($"{_kind.Describe(item.Id)} does not say its compartment; name one to restore into.");
            var result = await _kind.RestoreAsync(client, item.Id, compartmentId, _details, retryToken!, cancellationToken, call).ConfigureAwait(false);
            return new BulkItemResult(item, result.Value.Id, result.Value, result.Response.OpcRequestId);
        }
    }
}
