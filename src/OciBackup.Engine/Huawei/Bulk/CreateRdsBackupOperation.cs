using System;
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
    /// Makes a manual backup of each RDS instance (New-HwcRdsBackup): one create per instance, answered with the backup,
    /// BUILDING. RDS takes no retry token, but a backup's name is unique on its instance, so a create is made safe to
    /// repeat here: when its answer is lost, the instance's backup with that name made since the first attempt is the
    /// result; when not found the create is sent again, and a refusal of the name then (the lost create's backup showed
    /// late) finds it. A refusal of the name on a first attempt is an error: someone else has the name.
    /// </summary>
    internal sealed class CreateRdsBackupOperation : HwcCreateOperation<RdsClient>
    {
        private readonly RdsBackupRequest _request;

        public CreateRdsBackupOperation(RdsBackupRequest request, LostAnswerPolicy lostAnswers)
            : base(lostAnswers)
        {
            _request = request ?? throw new ArgumentNullException(nameof(request));
        }

        public override string Name => "CreateRdsBackup";

        public override ResourceKind ItemKind => RdsInstanceKind.Instance;

        public override ResourceKind ResultKind => RdsBackupKind.Instance;

        public override string ResultNoun => "backup";

        public override string Action => "Create " + _request.Describe();

        public override string Activity => "Creating RDS backups";

        public override string DescribeStart(BulkItem item, string? retryToken) => $"Creating {_request.Describe()} of RDS instance {item.Id}.";

        public override string RecoveryHint(string? runKey) =>
            $"Run the same command again with -Name '{_request.Name}': a backup name is unique on its instance, so a backup already made is found, not made twice.";

        protected override RdsClient ClientOf(IHwcClients clients, string? region) => clients.Rds(region);

        protected override string CreatePath(RdsClient client, BulkItem item) => RdsRequests.CreateBackup(client.ProjectId, _request.For(item.Id)).Path;

        protected override async Task<BulkItemResult> SendAsync(RdsClient rds, CreateAttempt attempt, CancellationToken cancellationToken, OciCallOptions call)
        {
            try
            {
                var created = await rds.CreateBackupAsync(_request.For(attempt.Item.Id), cancellationToken, call).ConfigureAwait(false);
                var result = new BulkItemResult(attempt.Item, created.Value.Id, created.Value, HwcResponses.RequestIdOf(created.Response));
                if (attempt.Lost != null)
                {
                    result.Notes.Add($"Attempt {attempt.Number} made backup {created.Value.Id}: the earlier attempts got no answer ({CreateOutcomes.Reason(attempt.Lost)}) and had made none.");
                }

                return result;
            }
            catch (Exception error) when (CreateOutcomes.IsNameConflict(error))
            {
                // Only an earlier attempt of this item whose answer was lost can have taken the name for it; without one,
                // the name was taken by someone else (another run, or the same instance given twice), which is an error.
                if (attempt.Lost == null)
                {
                    throw;
                }

                var holder = await FindByNameAsync(rds, attempt, null, error, cancellationToken, call).ConfigureAwait(false);
                if (holder == null || (holder.BeginTime is DateTimeOffset begun && begun < attempt.FirstSent - LostAnswers.ClockSkewAllowance))
                {
                    throw;
                }

                return Adopted(attempt.Item, holder, $"The answer to an earlier attempt was lost ({CreateOutcomes.Reason(attempt.Lost)}); attempt {attempt.Number} found the name taken by that attempt's backup {holder.Id}.");
            }
        }

        protected override async Task<BulkItemResult?> FindLostAsync(RdsClient rds, CreateAttempt attempt, CancellationToken cancellationToken, OciCallOptions call)
        {
            var holder = await FindByNameAsync(rds, attempt, attempt.FirstSent - LostAnswers.ClockSkewAllowance, attempt.Lost!, cancellationToken, call).ConfigureAwait(false);
            return holder == null
                ? null
                : Adopted(attempt.Item, holder, $"The answer to attempt {attempt.Number} was lost ({CreateOutcomes.Reason(attempt.Lost!)}); its backup {holder.Id} ({holder.Status}) was found, so the create was not sent again.");
        }

        protected override string NothingFound(CreateAttempt attempt) => $"instance {attempt.Item.Id} has no backup named '{_request.Name}'";

        protected override HwcCreateUnconfirmedException Unconfirmed(CreateAttempt attempt, Exception lastError) =>
            new HwcCreateUnconfirmedException(attempt.Item.Id, _request.Name, attempt.Number,
                $"The create of {_request.Describe()} of RDS instance {attempt.Item.Id} got no answer on {attempt.Number} attempt(s) (last: {CreateOutcomes.Reason(lastError)}), and the instance has no backup of that name. " +
                "Run the command again with the same -Name: the name is unique on the instance, so a backup made late is found, not made twice.",
                lastError);

        /// <summary>The instance's backup with the name, begun at or after <paramref name="since"/> when given (a time window keeps the list short).</summary>
        private async Task<HwcRdsBackup?> FindByNameAsync(RdsClient rds, CreateAttempt attempt, DateTimeOffset? since, Exception lostWith,
            CancellationToken cancellationToken, OciCallOptions call)
        {
            var instanceId = attempt.Item.Id;
            var filter = new RdsBackupFilter(instanceId);
            if (since is DateTimeOffset start)
            {
                filter.BeginTime = start;
                filter.EndTime = LostAnswers.Clock.UtcNow + LostAnswers.ClockSkewAllowance;
            }

            try
            {
                var backups = await rds.ListAllBackupsAsync(filter, cancellationToken, call).ConfigureAwait(false);
                return backups
                    .Where(b => string.Equals(b.Name, _request.Name, StringComparison.Ordinal) && !RdsBackupKind.Instance.Lifecycle.IsDeletion(b.Status))
                    .OrderBy(b => b.BeginTime ?? DateTimeOffset.MaxValue)
                    .FirstOrDefault();
            }
            catch (Exception error) when (error is OciServiceException || error is OciTransportException)
            {
                throw new HwcCreateUnconfirmedException(instanceId, _request.Name, attempt.Number,
                    $"The create of {_request.Describe()} of RDS instance {instanceId} failed ({CreateOutcomes.Reason(lostWith)}), and looking for the backup it may have made failed: {error.Message} " +
                    "Run the command again with the same -Name: the name is unique on the instance, so a backup already made is found, not made twice.", error);
            }
        }

        private static BulkItemResult Adopted(BulkItem item, HwcRdsBackup backup, string note)
        {
            var result = new BulkItemResult(item, backup.Id, backup, null);
            result.Notes.Add(note);
            return result;
        }
    }
}
