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
    internal sealed class CreateRdsBackupOperation : BulkOperation
    {
        private readonly RdsBackupRequest _request;
        private readonly LostAnswerPolicy _lostAnswers;

        public CreateRdsBackupOperation(RdsBackupRequest request, LostAnswerPolicy lostAnswers)
        {
            _request = request ?? throw new ArgumentNullException(nameof(request));
            _lostAnswers = lostAnswers ?? throw new ArgumentNullException(nameof(lostAnswers));
        }

        public override string Name => "CreateRdsBackup";

        public override ResourceKind ItemKind => RdsInstanceKind.Instance;

        public override ResourceKind ResultKind => RdsBackupKind.Instance;

        public override bool TakesRetryToken => false;

        public override string ResultNoun => "backup";

        public override string Action => "Create " + _request.Describe();

        public override string Activity => "Creating RDS backups";

        public override string DoneVerb => "created";

        public override string CallNoun => "create";

        public override string UnansweredEffect => "may have made a backup";

        public override string RequestIdName => HwcErrorReader.RequestIdHeaderName;

        public override string DescribeStart(BulkItem item, string? retryToken) => $"Creating {_request.Describe()} of RDS instance {item.Id}.";

        public override string RecoveryHint(string? runKey) =>
            $"Run the same command again with -Name '{_request.Name}': a backup name is unique on its instance, so a backup already made is found, not made twice.";

        public override async Task<BulkItemResult> RunAsync(IServiceClients clients, BulkItem item, string? retryToken, CancellationToken cancellationToken, OciCallOptions call)
        {
            var rds = HwcKinds.Clients(clients).Rds(item.Region);
            var policy = call.RetryPolicy ?? rds.Http.RetryPolicy;
            var details = _request.For(item.Id);
            var firstSent = _lostAnswers.Clock.UtcNow;
            Exception? lost = null;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var created = await rds.CreateBackupAsync(details, cancellationToken, call).ConfigureAwait(false);
                    var result = new BulkItemResult(item, created.Value.Id, created.Value, HwcResponses.RequestIdOf(created.Response));
                    if (lost != null)
                    {
                        result.Notes.Add($"Attempt {attempt} made backup {created.Value.Id}: the earlier attempts got no answer ({CreateOutcomes.Reason(lost)}) and had made none.");
                    }

                    return result;
                }
                catch (Exception error) when (CreateOutcomes.IsNameConflict(error))
                {
                    // Only an earlier attempt of this item whose answer was lost can have taken the name for it; without one,
                    // the name was taken by someone else (another run, or the same instance given twice), which is an error.
                    if (lost == null)
                    {
                        throw;
                    }

                    var holder = await FindByNameAsync(rds, details, null, attempt, error, cancellationToken, call).ConfigureAwait(false);
                    if (holder == null || (holder.BeginTime is DateTimeOffset begun && begun < firstSent - _lostAnswers.ClockSkewAllowance))
                    {
                        throw;
                    }

                    return Adopted(item, holder, $"The answer to an earlier attempt was lost ({CreateOutcomes.Reason(lost)}); attempt {attempt} found the name taken by that attempt's backup {holder.Id}.");
                }
                catch (Exception error) when (CreateOutcomes.IsUnknown(error))
                {
                    lost = error;
                    var holder = await FindByNameAsync(rds, details, firstSent - _lostAnswers.ClockSkewAllowance, attempt, error, cancellationToken, call).ConfigureAwait(false);
                    if (holder != null)
                    {
                        return Adopted(item, holder, $"The answer to attempt {attempt} was lost ({CreateOutcomes.Reason(error)}); its backup {holder.Id} ({holder.Status}) was found, so the create was not sent again.");
                    }

                    if (attempt >= policy.MaxAttempts || _lostAnswers.Clock.UtcNow - firstSent >= policy.MaxElapsed)
                    {
                        throw new HwcCreateUnconfirmedException(item.Id, _request.Name, attempt,
                            $"The create of {_request.Describe()} of RDS instance {item.Id} got no answer on {attempt} attempt(s) (last: {CreateOutcomes.Reason(error)}), and the instance has no backup of that name. " +
                            $"Run the command again with the same -Name: the name is unique on the instance, so a backup made late is found, not made twice.",
                            error);
                    }

                    var delay = policy.DelayAfter(attempt, (error as OciServiceException)?.RetryAfter, _lostAnswers.Random);
                    call.RetryObserver?.OnRetry(new RetryNotice("POST", RdsRequests.CreateBackup(rds.ProjectId, details).Path, attempt, policy.MaxAttempts,
                        $"{CreateOutcomes.Reason(error)}; instance {item.Id} has no backup named '{_request.Name}'", delay, throttled: false));
                    await _lostAnswers.Delay.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>The instance's backup with the name, begun at or after <paramref name="since"/> when given (a time window keeps the list short).</summary>
        private async Task<HwcRdsBackup?> FindByNameAsync(RdsClient rds, RdsCreateBackupDetails details, DateTimeOffset? since, int attempt, Exception lostWith,
            CancellationToken cancellationToken, OciCallOptions call)
        {
            var filter = new RdsBackupFilter(details.InstanceId);
            if (since is DateTimeOffset start)
            {
                filter.BeginTime = start;
                filter.EndTime = _lostAnswers.Clock.UtcNow + _lostAnswers.ClockSkewAllowance;
            }

            try
            {
                var backups = await rds.ListAllBackupsAsync(filter, cancellationToken, call).ConfigureAwait(false);
                return backups
                    .Where(b => string.Equals(b.Name, details.Name, StringComparison.Ordinal) && !RdsBackupKind.Instance.Lifecycle.IsDeletion(b.Status))
                    .OrderBy(b => b.BeginTime ?? DateTimeOffset.MaxValue)
                    .FirstOrDefault();
            }
            catch (Exception error) when (error is OciServiceException || error is OciTransportException)
            {
                throw new HwcCreateUnconfirmedException(details.InstanceId, details.Name, attempt,
                    $"The create of {_request.Describe()} of RDS instance {details.InstanceId} failed ({CreateOutcomes.Reason(lostWith)}), and looking for the backup it may have made failed: {error.Message} " +
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
