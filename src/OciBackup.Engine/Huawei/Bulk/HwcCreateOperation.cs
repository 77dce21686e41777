using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei.Http;
using OciBackup.Engine.Huawei.Kinds;

namespace OciBackup.Engine.Huawei.Bulk
{
    /// <summary>
    /// The course every Huawei Cloud create takes, since neither VBS nor RDS takes a retry token: send it; when its
    /// outcome is unknown (no answer, a timeout, a 5xx that may come after the work), look for what it may have made
    /// before sending it again, up to the retry policy's attempts and time, and say so when nothing was found in the end.
    /// What to send and how to look is each service's (<see cref="CreateVbsBackupOperation"/>, <see cref="CreateRdsBackupOperation"/>).
    /// </summary>
    internal abstract class HwcCreateOperation<TClient> : BulkOperation
        where TClient : HwcServiceClient
    {
        protected HwcCreateOperation(LostAnswerPolicy lostAnswers)
        {
            LostAnswers = lostAnswers ?? throw new ArgumentNullException(nameof(lostAnswers));
        }

        public override bool TakesRetryToken => false;

        public override string DoneVerb => "created";

        public override string CallNoun => "create";

        public override string UnansweredEffect => "may have made a backup";

        public override string RequestIdName => HwcErrorReader.RequestIdHeaderName;

        protected LostAnswerPolicy LostAnswers { get; }

        public override async Task<BulkItemResult> RunAsync(IServiceClients clients, BulkItem item, string? retryToken, CancellationToken cancellationToken, OciCallOptions call)
        {
            var client = ClientOf(HwcKinds.Clients(clients), item.Region);
            var policy = call.RetryPolicy ?? client.Http.RetryPolicy;
            var attempt = new CreateAttempt(item, LostAnswers.Clock.UtcNow);
            for (attempt.Number = 1; ; attempt.Number++)
            {
                attempt.Sent = LostAnswers.Clock.UtcNow;
                try
                {
                    return await SendAsync(client, attempt, cancellationToken, call).ConfigureAwait(false);
                }
                catch (Exception error) when (CreateOutcomes.IsUnknown(error))
                {
                    attempt.Lost = error;
                    var found = await FindLostAsync(client, attempt, cancellationToken, call).ConfigureAwait(false);
                    if (found != null)
                    {
                        return found;
                    }

                    if (attempt.Number >= policy.MaxAttempts || LostAnswers.Clock.UtcNow - attempt.FirstSent >= policy.MaxElapsed)
                    {
                        throw Unconfirmed(attempt, error);
                    }

                    var delay = policy.DelayAfter(attempt.Number, (error as OciServiceException)?.RetryAfter, LostAnswers.Random);
                    call.RetryObserver?.OnRetry(new RetryNotice("POST", CreatePath(client, item), attempt.Number, policy.MaxAttempts,
                        $"{CreateOutcomes.Reason(error)}; {NothingFound(attempt)}", delay, throttled: false));
                    await LostAnswers.Delay.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>The service's client for the item's region.</summary>
        protected abstract TClient ClientOf(IHwcClients clients, string? region);

        /// <summary>Sends the create once; its answer is the item's result (with a note when earlier answers were lost).</summary>
        protected abstract Task<BulkItemResult> SendAsync(TClient client, CreateAttempt attempt, CancellationToken cancellationToken, OciCallOptions call);

        /// <summary>What the attempt whose answer was lost made, as the item's result; null when nothing shows.</summary>
        protected abstract Task<BulkItemResult?> FindLostAsync(TClient client, CreateAttempt attempt, CancellationToken cancellationToken, OciCallOptions call);

        /// <summary>Where the create is sent, for a retry's notice.</summary>
        protected abstract string CreatePath(TClient client, BulkItem item);

        /// <summary>What was looked for and not found, for a retry's notice: <c>instance … has no backup named '…'</c>.</summary>
        protected abstract string NothingFound(CreateAttempt attempt);

        /// <summary>The error of an item whose every attempt's answer was lost, and nothing found: what to look for before trying again.</summary>
        protected abstract HwcCreateUnconfirmedException Unconfirmed(CreateAttempt attempt, Exception lastError);

        protected static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
