using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Bulk
{
    /// <summary>
    /// Restores each backup as a new volume (or volume group) in the backup's region, in the compartment asked for,
    /// else the backup's own (read from the backup when the item does not say). The availability domain is the one
    /// asked for, checked against the region's list, else the region's first by name: the service needs one, any of
    /// the region's can restore any of its backups, and a backup does not say where its volume was. Each region's
    /// domains are listed once per run.
    /// </summary>
    internal sealed class RestoreBackupOperation : BulkOperation
    {
        private readonly BackupKind _kind;
        private readonly RestoreDetails _details;
        private readonly SharedReads<List<AvailabilityDomain>> _domains = new SharedReads<List<AvailabilityDomain>>();

        public RestoreBackupOperation(BackupKind kind, RestoreDetails details)
        {
            _kind = kind ?? throw new ArgumentNullException(nameof(kind));
            _details = details ?? throw new ArgumentNullException(nameof(details));
        }

        public override string Name => _kind.RestoreOperation;

        public override ResourceKind ItemKind => _kind;

        public override ResourceKind ResultKind => _kind.Source;

        public override string Action => $"Restore as a new {_kind.Source.Noun} in {Domain}" + (_details.DisplayName == null ? string.Empty : $" named '{_details.DisplayName}'");

        public override string Activity => $"Restoring {_kind.Noun}s";

        public override string DoneVerb => "restored";

        public override string CallNoun => "restore";

        public override string UnansweredEffect => $"may have made a {_kind.Source.Noun}";

        public override string DescribeStart(BulkItem item, string? retryToken) =>
            $"Restoring {_kind.Noun} {item.Id} as a new {_kind.Source.Noun} in {Domain} (retry token {retryToken}).";

        private string Domain => _details.AvailabilityDomain ?? "the first availability domain of its region";

        public override async Task<BulkItemResult> RunAsync(IRegionalClients clients, BulkItem item, string? retryToken, CancellationToken cancellationToken, OciCallOptions call)
        {
            var client = clients.Blockstorage(item.Region);
            var compartmentId = _details.CompartmentId ?? item.CompartmentId
                ?? (await _kind.GetAsync(client, item.Id, cancellationToken, call).ConfigureAwait(false)).Value.CompartmentId
                ?? throw new InvalidOperationException($"{_kind.Describe(item.Id)} does not say its compartment; name one to restore into.");
            var domain = await DomainAsync(clients.Identity(item.Region), client.Region, compartmentId, cancellationToken, call).ConfigureAwait(false);
            var result = await _kind.RestoreAsync(client, item.Id, compartmentId, domain, _details, retryToken!, cancellationToken, call).ConfigureAwait(false);
            return new BulkItemResult(item, result.Value.Id, result.Value, result.Response.OpcRequestId);
        }

        /// <summary>The domain asked for in the service's spelling, or the region's first by name.</summary>
        /// <exception cref="ArgumentException">The region has no such domain (named <c>availabilityDomain</c>).</exception>
        private async Task<string> DomainAsync(IdentityClient identity, string? region, string compartmentId, CancellationToken cancellationToken, OciCallOptions call)
        {
            var domains = await _domains.GetAsync(region ?? string.Empty, () => identity.ListAvailabilityDomainsAsync(compartmentId, cancellationToken, call)).ConfigureAwait(false);

            var names = domains.Select(d => d.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var where = region ?? "the session's region";
            if (_details.AvailabilityDomain == null)
            {
                return names.FirstOrDefault() ?? throw new InvalidOperationException($"{where} lists no availability domains to restore into.");
            }

            return names.FirstOrDefault(n => string.Equals(n, _details.AvailabilityDomain, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException(
                    $"Availability domain '{_details.AvailabilityDomain}' is not one of {where}'s ({string.Join(", ", names)}); a backup is restored in its own region.",
                    "availabilityDomain");
        }
    }
}
