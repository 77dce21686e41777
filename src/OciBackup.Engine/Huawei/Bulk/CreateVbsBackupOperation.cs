using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei.Http;
using OciBackup.Engine.Huawei.Kinds;
using OciBackup.Engine.Huawei.Models;
using OciBackup.Engine.Kinds;

namespace OciBackup.Engine.Huawei.Bulk
{
    /// <summary>
    /// Backs up each EVS disk through VBS (New-HwcVolumeBackup): one create per disk, answered with the job that makes
    /// the backup, waited for through the job API. VBS takes no retry token, so a create is made safe to repeat here:
    /// when its answer is lost, the backup of that disk with that name made since the first attempt is looked for,
    /// for up to <see cref="LostAnswerPolicy.SettleTime"/>, before the create is sent again; one found is the result.
    /// </summary>
    internal sealed class CreateVbsBackupOperation : BulkOperation
    {
        private readonly VbsBackupRequest _request;
        private readonly LostAnswerPolicy _lostAnswers;

        public CreateVbsBackupOperation(VbsBackupRequest request, LostAnswerPolicy lostAnswers)
        {
            _request = request ?? throw new ArgumentNullException(nameof(request));
            _lostAnswers = lostAnswers ?? throw new ArgumentNullException(nameof(lostAnswers));
        }

        public override string Name => "CreateVbsBackup";

        public override ResourceKind ItemKind => EvsVolumeKind.Instance;

        public override ResourceKind ResultKind => VbsBackupJobKind.Instance;

        public override bool TakesRetryToken => false;

        public override string ResultNoun => "backup job";

        public override string Action => "Create " + _request.Describe();

        public override string Activity => "Creating EVS disk backups";

        public override string DoneVerb => "created";

        public override string CallNoun => "create";

        public override string UnansweredEffect => "may have made a backup";

        public override string RequestIdName => HwcErrorReader.RequestIdHeaderName;

        public override string DescribeStart(BulkItem item, string? retryToken) => $"Creating {_request.Describe()} of EVS disk {item.Id}.";

        public override string RecoveryHint(string? runKey) =>
            $"VBS takes no retry token: before creating them again, look with Get-HwcVolumeBackup -VolumeId <disk> -Name '{_request.Name}'.";

        public override async Task<BulkItemResult> RunAsync(IServiceClients clients, BulkItem item, string? retryToken, CancellationToken cancellationToken, OciCallOptions call)
        {
            var vbs = HwcKinds.Clients(clients).Vbs(item.Region);
            var policy = call.RetryPolicy ?? vbs.Http.RetryPolicy;
            var details = _request.For(item.Id);
            var firstSent = _lostAnswers.Clock.UtcNow;
            Exception? lost = null;
            for (var attempt = 1; ; attempt++)
            {
                var sent = _lostAnswers.Clock.UtcNow;
                try
                {
                    var job = await vbs.CreateBackupAsync(details, cancellationToken, call).ConfigureAwait(false);
                    job.Value.RequestedAt = sent;
                    var result = new BulkItemResult(item, job.Value.JobId, job.Value, HwcResponses.RequestIdOf(job.Response));
                    if (lost != null)
                    {
                        result.Notes.Add($"Attempt {attempt} made job {job.Value.JobId}: the earlier attempts got no answer ({CreateOutcomes.Reason(lost)}), and no backup of theirs showed within {Seconds(_lostAnswers.SettleTime)} s.");
                    }

                    return result;
                }
                catch (Exception error) when (CreateOutcomes.IsUnknown(error))
                {
                    lost = error;
                    var found = await FindMadeSinceAsync(vbs, details, firstSent, sent, error, attempt, cancellationToken, call).ConfigureAwait(false);
                    if (found.Count > 0)
                    {
                        return Adopted(item, found, error, attempt);
                    }

                    if (attempt >= policy.MaxAttempts || _lostAnswers.Clock.UtcNow - firstSent >= policy.MaxElapsed)
                    {
                        throw new HwcCreateUnconfirmedException(item.Id, _request.Name, attempt,
                            $"The create of {_request.Describe()} of EVS disk {item.Id} got no answer on {attempt} attempt(s) (last: {CreateOutcomes.Reason(error)}), and no backup of the disk with that name " +
                            $"made since the first attempt showed within {Seconds(_lostAnswers.SettleTime)} s of the last. Most likely none was made; check with Get-HwcVolumeBackup -VolumeId {item.Id} -Name '{_request.Name}' before creating it again.",
                            error);
                    }

                    var delay = policy.DelayAfter(attempt, (error as OciServiceException)?.RetryAfter, _lostAnswers.Random);
                    call.RetryObserver?.OnRetry(new RetryNotice("POST", VbsRequests.CreateBackup(vbs.ProjectId, details).Path, attempt, policy.MaxAttempts,
                        $"{CreateOutcomes.Reason(error)}; no backup of disk {item.Id} named '{_request.Name}' made since the first attempt showed within {Seconds(_lostAnswers.SettleTime)} s",
                        delay, throttled: false));
                    await _lostAnswers.Delay.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// The backups of the disk with the name made since the first attempt (oldest first), looked for until one shows
        /// or <see cref="LostAnswerPolicy.SettleTime"/> has passed since <paramref name="sent"/>.
        /// </summary>
        private async Task<IReadOnlyList<HwcVolumeBackup>> FindMadeSinceAsync(VbsClient vbs, VbsCreateBackupDetails details, DateTimeOffset firstSent, DateTimeOffset sent,
            Exception lostWith, int attempt, CancellationToken cancellationToken, OciCallOptions call)
        {
            var since = firstSent - _lostAnswers.ClockSkewAllowance;
            var filter = new VbsBackupFilter { VolumeId = details.VolumeId, Name = details.Name };
            while (true)
            {
                IReadOnlyList<HwcVolumeBackup> listed;
                try
                {
                    listed = await vbs.ListAllBackupsAsync(filter, cancellationToken, call).ConfigureAwait(false);
                }
                catch (Exception error) when (error is OciServiceException || error is OciTransportException)
                {
                    throw new HwcCreateUnconfirmedException(details.VolumeId, details.Name, attempt,
                        $"The create of {_request.Describe()} of EVS disk {details.VolumeId} got no answer ({CreateOutcomes.Reason(lostWith)}), and looking for the backup it may have made failed: {error.Message} " +
                        $"Check with Get-HwcVolumeBackup -VolumeId {details.VolumeId} -Name '{details.Name}' before creating it again.", error);
                }

                var mine = listed
                    .Where(b => string.Equals(b.VolumeId, details.VolumeId, StringComparison.OrdinalIgnoreCase) && string.Equals(b.Name, details.Name, StringComparison.Ordinal))
                    .Where(b => b.CreatedAt == null || b.CreatedAt >= since)
                    .Where(b => !VbsBackupKind.Instance.Lifecycle.IsDeletion(b.Status))
                    .OrderBy(b => b.CreatedAt ?? DateTimeOffset.MaxValue)
                    .ToList();
                if (mine.Count > 0)
                {
                    return mine;
                }

                var left = _lostAnswers.SettleTime - (_lostAnswers.Clock.UtcNow - sent);
                if (left <= TimeSpan.Zero)
                {
                    return mine;
                }

                await _lostAnswers.Delay.DelayAsync(left < _lostAnswers.SearchInterval ? left : _lostAnswers.SearchInterval, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The backup a lost create made, as the item's result: waited for as a backup (to available), its job unknown.</summary>
        private BulkItemResult Adopted(BulkItem item, IReadOnlyList<HwcVolumeBackup> found, Exception lostWith, int attempt)
        {
            var backup = found[0];
            var result = new BulkItemResult(item, backup.Id, backup, null)
            {
                WaitKind = VbsBackupKind.Instance,
                WaitState = VbsBackupKind.Available,
            };
            result.Notes.Add($"The answer to attempt {attempt} was lost ({CreateOutcomes.Reason(lostWith)}); its backup {backup.Id} ({backup.Status}) was found, so the create was not sent again.");
            if (found.Count > 1)
            {
                result.Warnings.Add($"EVS disk {item.Id} has {found.Count} backups named '{_request.Name}' made since the first attempt ({string.Join(", ", found.Select(b => b.Id))}): " +
                    $"a lost create's backup showed only after {Seconds(_lostAnswers.SettleTime)} s, when the create had been sent again. {backup.Id} is the result; the others are extra.");
            }

            return result;
        }

        private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
