using System;
using System.Collections.Generic;
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
    internal sealed class CreateVbsBackupOperation : HwcCreateOperation<VbsClient>
    {
        private readonly VbsBackupRequest _request;

        public CreateVbsBackupOperation(VbsBackupRequest request, LostAnswerPolicy lostAnswers)
            : base(lostAnswers)
        {
            _request = request ?? throw new ArgumentNullException(nameof(request));
        }

        public override string Name => "CreateVbsBackup";

        public override ResourceKind ItemKind => EvsVolumeKind.Instance;

        public override ResourceKind ResultKind => VbsBackupJobKind.Instance;

        public override string ResultNoun => "backup job";

        // A job is waited until it hands over its backup, and the wait ends with the backup available.
        public override string WaitNounPlural => "backups";

        public override string Action => "Create " + _request.Describe();

        public override string Activity => "Creating EVS disk backups";

        public override string DescribeStart(BulkItem item, string? retryToken) => $"Creating {_request.Describe()} of EVS disk {item.Id}.";

        public override string RecoveryHint(string? runKey) =>
            $"VBS takes no retry token: before creating them again, look with Get-HwcVolumeBackup -VolumeId <disk> -Name '{_request.Name}'.";

        protected override VbsClient ClientOf(IHwcClients clients, string? region) => clients.Vbs(region);

        protected override string CreatePath(VbsClient client, BulkItem item) => VbsRequests.CreateBackup(client.ProjectId, _request.For(item.Id)).Path;

        protected override async Task<BulkItemResult> SendAsync(VbsClient vbs, CreateAttempt attempt, CancellationToken cancellationToken, OciCallOptions call)
        {
            var job = await vbs.CreateBackupAsync(_request.For(attempt.Item.Id), cancellationToken, call).ConfigureAwait(false);
            job.Value.RequestedAt = attempt.Sent;
            var result = new BulkItemResult(attempt.Item, job.Value.JobId, job.Value, HwcResponses.RequestIdOf(job.Response));
            if (attempt.Lost != null)
            {
                result.Notes.Add($"Attempt {attempt.Number} made job {job.Value.JobId}: the earlier attempts got no answer ({CreateOutcomes.Reason(attempt.Lost)}), and no backup of theirs showed within {Seconds(LostAnswers.SettleTime)} s.");
            }

            return result;
        }

        /// <summary>
        /// The backup of the disk with the name made since the first attempt (the oldest, if several), looked for until one
        /// shows or <see cref="LostAnswerPolicy.SettleTime"/> has passed since this attempt was sent.
        /// </summary>
        protected override async Task<BulkItemResult?> FindLostAsync(VbsClient vbs, CreateAttempt attempt, CancellationToken cancellationToken, OciCallOptions call)
        {
            var volumeId = attempt.Item.Id;
            var since = attempt.FirstSent - LostAnswers.ClockSkewAllowance;
            var filter = new VbsBackupFilter { VolumeId = volumeId, Name = _request.Name };
            while (true)
            {
                IReadOnlyList<HwcVolumeBackup> listed;
                try
                {
                    listed = await vbs.ListAllBackupsAsync(filter, cancellationToken, call).ConfigureAwait(false);
                }
                catch (Exception error) when (error is OciServiceException || error is OciTransportException)
                {
                    throw new HwcCreateUnconfirmedException(volumeId, _request.Name, attempt.Number,
                        $"The create of {_request.Describe()} of EVS disk {volumeId} got no answer ({CreateOutcomes.Reason(attempt.Lost!)}), and looking for the backup it may have made failed: {error.Message} " +
                        $"Check with Get-HwcVolumeBackup -VolumeId {volumeId} -Name '{_request.Name}' before creating it again.", error);
                }

                var mine = listed
                    .Where(b => string.Equals(b.VolumeId, volumeId, StringComparison.OrdinalIgnoreCase) && string.Equals(b.Name, _request.Name, StringComparison.Ordinal))
                    .Where(b => b.CreatedAt == null || b.CreatedAt >= since)
                    .Where(b => !VbsBackupKind.Instance.Lifecycle.IsDeletion(b.Status))
                    .OrderBy(b => b.CreatedAt ?? DateTimeOffset.MaxValue)
                    .ToList();
                if (mine.Count > 0)
                {
                    return Adopted(attempt, mine);
                }

                var left = LostAnswers.SettleTime - (LostAnswers.Clock.UtcNow - attempt.Sent);
                if (left <= TimeSpan.Zero)
                {
                    return null;
                }

                await LostAnswers.Delay.DelayAsync(left < LostAnswers.SearchInterval ? left : LostAnswers.SearchInterval, cancellationToken).ConfigureAwait(false);
            }
        }

        protected override string NothingFound(CreateAttempt attempt) =>
            $"no backup of disk {attempt.Item.Id} named '{_request.Name}' made since the first attempt showed within {Seconds(LostAnswers.SettleTime)} s";

        protected override HwcCreateUnconfirmedException Unconfirmed(CreateAttempt attempt, Exception lastError) =>
            new HwcCreateUnconfirmedException(attempt.Item.Id, _request.Name, attempt.Number,
                $"The create of {_request.Describe()} of EVS disk {attempt.Item.Id} got no answer on {attempt.Number} attempt(s) (last: {CreateOutcomes.Reason(lastError)}), and no backup of the disk with that name " +
                $"made since the first attempt showed within {Seconds(LostAnswers.SettleTime)} s of the last. Most likely none was made; check with Get-HwcVolumeBackup -VolumeId {attempt.Item.Id} -Name '{_request.Name}' before creating it again.",
                lastError);

        /// <summary>The backup a lost create made, as the item's result: waited for as a backup (to available), its job unknown.</summary>
        private BulkItemResult Adopted(CreateAttempt attempt, IReadOnlyList<HwcVolumeBackup> found)
        {
            var backup = found[0];
            var result = new BulkItemResult(attempt.Item, backup.Id, backup, null)
            {
                WaitKind = VbsBackupKind.Instance,
                WaitState = VbsBackupKind.Available,
            };
            result.Notes.Add($"The answer to attempt {attempt.Number} was lost ({CreateOutcomes.Reason(attempt.Lost!)}); its backup {backup.Id} ({backup.Status}) was found, so the create was not sent again.");
            if (found.Count > 1)
            {
                result.Warnings.Add($"EVS disk {attempt.Item.Id} has {found.Count} backups named '{_request.Name}' made since the first attempt ({string.Join(", ", found.Select(b => b.Id))}): " +
                    $"a lost create's backup showed only after {Seconds(LostAnswers.SettleTime)} s, when the create had been sent again. {backup.Id} is the result; the others are extra.");
            }

            return result;
        }
    }
}
