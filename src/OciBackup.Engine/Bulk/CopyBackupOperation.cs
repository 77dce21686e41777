using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
    /// source region answers 404). A backup that already has a copy there is not copied again (its copy is the
    /// result), and a copy the service refuses for its limit on copies at once waits its turn instead of failing.
    /// </summary>
    internal sealed class CopyBackupOperation : BulkOperation
    {
        // OCI's code for a request beyond one of the tenancy's limits; what it answers when too many cross-region
        // copies run at once is not documented (oci-api-wave2.md §4), so a 429 that outlasted the retries counts too.
        private const string LimitExceeded = "LimitExceeded";

        // Copies take minutes to hours: asking again within a minute is soon enough and costs nothing.
        private static readonly RetryPolicy LimitBackoff = new RetryPolicy(int.MaxValue, TimeSpan.MaxValue, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60));

        private readonly BackupKind _kind;
        private readonly CopyBackupDetails _details;
        private readonly CopyOptions _options;
        private readonly SharedReads<IReadOnlyDictionary<string, BackupResource>> _earlierCopies = new SharedReads<IReadOnlyDictionary<string, BackupResource>>();

        public CopyBackupOperation(BackupKind kind, CopyBackupDetails details, CopyOptions? options = null)
        {
            _kind = kind ?? throw new ArgumentNullException(nameof(kind));
            _details = details ?? throw new ArgumentNullException(nameof(details));
            _options = options ?? new CopyOptions();
        }

        public override string Name => _kind.CopyOperation;

        public override ResourceKind ItemKind => _kind;

        public override ResourceKind ResultKind => _kind;

        /// <summary>A copy of one backup to two regions must not be one retry token.</summary>
        public override string RetryTokenScope => Name + " to " + _details.DestinationRegion;

        public override string ResultNoun => "copy";

        public override string ResultNounPlural => "copies";

        public override string Action => $"Copy to {_details.DestinationRegion}" + (_details.DisplayName == null ? string.Empty : $" as '{_details.DisplayName}'");

        public override string Activity => $"Copying {_kind.Noun}s to {_details.DestinationRegion}";

        public override string DoneVerb => "made";

        public override string CallNoun => "copy";

        public override string UnansweredEffect => "may have started a copy";

        public override string? ResultRegion(BulkItem item) => _details.DestinationRegion;

        public override string RecoveryHint(string? runKey) =>
            _options.FindEarlierCopies
                ? "Run the same copy again: a backup whose copy is already in the destination is not copied twice."
                : base.RecoveryHint(runKey);

        public override string DescribeStart(BulkItem item, string? retryToken) =>
            $"Copying {_kind.Noun} {item.Id} to {_details.DestinationRegion}"
            + (_options.FindEarlierCopies ? " unless a copy is there already" : string.Empty)
            + $" (retry token {retryToken}).";

        public override async Task<BulkItemResult> RunAsync(IRegionalClients clients, BulkItem item, string? retryToken, CancellationToken cancellationToken, OciCallOptions call)
        {
            var source = clients.Blockstorage(item.Region);
            if (_options.FindEarlierCopies)
            {
                var earlier = await EarlierCopyAsync(clients, source, item, cancellationToken, call).ConfigureAwait(false);
                if (earlier != null)
                {
                    return new BulkItemResult(item, earlier.Id, earlier, null) { Existing = true };
                }
            }

            var started = _options.Clock.UtcNow;
            for (var refusal = 1; ; refusal++)
            {
                try
                {
                    var result = await _kind.CopyAsync(source, item.Id, _details, retryToken!, cancellationToken, call).ConfigureAwait(false);
                    return new BulkItemResult(item, result.Value.Id, result.Value, result.Response.OpcRequestId);
                }
                catch (OciServiceException refused) when (IsCopyLimit(refused) && !NoRetry(call))
                {
                    var delay = LimitBackoff.DelayAfter(refusal, refused.RetryAfter, _options.Random);
                    if (_options.Clock.UtcNow - started + delay > _options.LimitTimeout)
                    {
                        throw;
                    }

                    var status = refused.StatusCode.ToString(CultureInfo.InvariantCulture);
                    var reason = refused.Code == null ? "HTTP " + status : status + " " + refused.Code;
                    call.RetryObserver?.OnRetry(RetryNotice.Paced(refused.Method, refused.Path, refusal, reason, delay));
                    await _options.Delay.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private static bool IsCopyLimit(OciServiceException error) =>
            error.StatusCode == 429 || string.Equals(error.Code, LimitExceeded, StringComparison.Ordinal);

        private static bool NoRetry(OciCallOptions call) => call.RetryPolicy != null && call.RetryPolicy.MaxAttempts == 1;

        /// <summary>
        /// A copy of the item already in the destination that is or will be usable (not FAULTY, not being deleted):
        /// the one AVAILABLE, else the newest. The copy is in the source's compartment, whose copies in the
        /// destination are listed once per run and read from that list for every item.
        /// </summary>
        private async Task<BackupResource?> EarlierCopyAsync(IRegionalClients clients, BlockstorageClient source, BulkItem item, CancellationToken cancellationToken, OciCallOptions call)
        {
            var compartmentId = item.CompartmentId
                ?? (await _kind.GetAsync(source, item.Id, cancellationToken, call).ConfigureAwait(false)).Value.CompartmentId;
            if (compartmentId == null)
            {
                return null;
            }

            var copies = await _earlierCopies.GetAsync(compartmentId,
                () => ListCopiesAsync(clients.Blockstorage(_details.DestinationRegion), compartmentId, cancellationToken, call)).ConfigureAwait(false);
            return copies.TryGetValue(item.Id, out var copy) ? copy : null;
        }

        private async Task<IReadOnlyDictionary<string, BackupResource>> ListCopiesAsync(BlockstorageClient destination, string compartmentId, CancellationToken cancellationToken, OciCallOptions call)
        {
            var lifecycle = _kind.Lifecycle;
            var backups = await _kind.ListAsync(destination, new BackupFilter(compartmentId), cancellationToken, call).ConfigureAwait(false);
            return backups
                .Where(b => _kind.CopiedFromOf(b) != null && !lifecycle.IsDeletion(b.LifecycleState) && !string.Equals(b.LifecycleState, lifecycle.Faulty, StringComparison.OrdinalIgnoreCase))
                .GroupBy(b => _kind.CopiedFromOf(b)!, StringComparer.Ordinal)
                .ToDictionary(
                    copies => copies.Key,
                    copies => copies.OrderByDescending(b => string.Equals(b.LifecycleState, lifecycle.Ready, StringComparison.OrdinalIgnoreCase)).ThenByDescending(b => b.TimeCreated).First(),
                    StringComparer.Ordinal);
        }
    }
}
