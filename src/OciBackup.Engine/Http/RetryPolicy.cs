using System;
using System.Globalization;
using System.Net.Http;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// Which failed calls are tried again, how long to wait before each retry, and when to give up.
    /// Immutable: change a copy with <see cref="WithLimits"/> or <see cref="WithBackoff"/>.
    /// </summary>
    /// <remarks>
    /// The wait after failed attempt n is drawn uniformly from [0, min(MaxDelay, BaseDelay * 2^(n-1)))
    /// ("full jitter"), plus the service's Retry-After when it sent one. Full jitter rather than
    /// Oracle's "2^n plus up to a second": a bulk run has hundreds of calls that fail in the same
    /// instant (one 429 burst), and a fixed exponential delay brings them back in the same instant
    /// again; spreading each wait over its whole range breaks those waves up, which is what keeps a
    /// throttled run from storming. Decorrelated jitter spreads about as well but makes each delay
    /// depend on the previous one; full jitter depends only on the attempt number.
    /// </remarks>
    internal sealed class RetryPolicy
    {
        public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromSeconds(1);

        public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(30);

        public RetryPolicy(int maxAttempts, TimeSpan maxElapsed)
            : this(maxAttempts, maxElapsed, DefaultBaseDelay, DefaultMaxDelay)
        {
        }

        /// <param name="maxAttempts">Attempts in all, the first included; 1 means no retry.</param>
        /// <param name="maxElapsed">No retry starts later than this after the first attempt began.</param>
        /// <param name="baseDelay">The ceiling of the first retry's delay; doubles with each retry.</param>
        /// <param name="maxDelay">The most the doubling ceiling reaches.</param>
        public RetryPolicy(int maxAttempts, TimeSpan maxElapsed, TimeSpan baseDelay, TimeSpan maxDelay)
        {
            if (maxAttempts < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxAttempts), "At least one attempt.");
            }

            if (maxElapsed < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(maxElapsed), "The time limit cannot be negative.");
            }

            if (baseDelay < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(baseDelay), "The base delay cannot be negative.");
            }

            if (maxDelay < baseDelay)
            {
                throw new ArgumentOutOfRangeException(nameof(maxDelay), "The largest delay cannot be less than the base delay.");
            }

            MaxAttempts = maxAttempts;
            MaxElapsed = maxElapsed;
            BaseDelay = baseDelay;
            MaxDelay = maxDelay;
        }

        /// <summary>Oracle's SDK defaults: 8 attempts within 600 s, delays doubling from 1 s up to 30 s.</summary>
        public static RetryPolicy Default { get; } = new RetryPolicy(8, TimeSpan.FromSeconds(600));

        /// <summary>One attempt, no retry (-NoRetry).</summary>
        public static RetryPolicy None { get; } = new RetryPolicy(1, TimeSpan.Zero);

        public int MaxAttempts { get; }

        public TimeSpan MaxElapsed { get; }

        public TimeSpan BaseDelay { get; }

        public TimeSpan MaxDelay { get; }

        /// <summary>A copy with other caps; a null argument keeps this policy's value.</summary>
        public RetryPolicy WithLimits(int? maxAttempts, TimeSpan? maxElapsed) =>
            new RetryPolicy(maxAttempts ?? MaxAttempts, maxElapsed ?? MaxElapsed, BaseDelay, MaxDelay);

        /// <summary>A copy whose delays double from <paramref name="baseDelay"/> up to <paramref name="maxDelay"/>.</summary>
        public RetryPolicy WithBackoff(TimeSpan baseDelay, TimeSpan maxDelay) =>
            new RetryPolicy(MaxAttempts, MaxElapsed, baseDelay, maxDelay);

        /// <summary>
        /// Whether this failure may be tried again at all, attempts and time aside: 429, 409
        /// IncorrectState or LockConflict, 5xx but 501, timeouts and failed connections. Never 400,
        /// 401, 404, 409 Conflict, 501 or other 4xx, and never cancellation.
        /// </summary>
        /// <remarks>
        /// A request that is not idempotent (POST, PATCH) and carries no opc-retry-token is retried
        /// only when the service plainly refused it before doing anything (429, the two 409s): after
        /// a timeout, a cut connection or a 5xx it may have created something, and a second create
        /// with no token to match it would be a duplicate.
        /// </remarks>
        public static bool IsRetryable(Exception error, OciRequest request)
        {
            if (error == null)
            {
                throw new ArgumentNullException(nameof(error));
            }

            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            switch (error)
            {
                case OciServiceException service when IsRefusal(service):
                    return true;
                case OciServiceException service:
                    return IsServerError(service.StatusCode) && IsSafeToRepeat(request);
                case OciTransportException _:
                    return IsSafeToRepeat(request);
                default:
                    return false;
            }
        }

        /// <summary>The most the delay after failed attempt <paramref name="failedAttempt"/> (1-based) can be, Retry-After aside.</summary>
        public TimeSpan BackoffCeiling(int failedAttempt)
        {
            if (failedAttempt < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(failedAttempt), "Attempts count from 1.");
            }

            // Doubling stops being representable long before it stops mattering; MaxDelay caps it anyway.
            var exponent = Math.Min(failedAttempt - 1, 40);
            var ticks = BaseDelay.Ticks * Math.Pow(2, exponent);
            return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
        }

        /// <summary>The wait after failed attempt <paramref name="failedAttempt"/>: full jitter under the ceiling, on top of the service's Retry-After.</summary>
        public TimeSpan DelayAfter(int failedAttempt, TimeSpan? retryAfter, IRandomSource random)
        {
            if (random == null)
            {
                throw new ArgumentNullException(nameof(random));
            }

            var draw = random.NextDouble();
            if (!(draw >= 0 && draw < 1))
            {
                throw new InvalidOperationException($"The random source gave {draw.ToString(CultureInfo.InvariantCulture)}, outside [0, 1).");
            }

            var jitter = TimeSpan.FromTicks((long)(BackoffCeiling(failedAttempt).Ticks * draw));

            // Retry-After is a floor, not the whole wait: every caller throttled in one burst gets the
            // same Retry-After, and coming back all at once would only start the next burst.
            return retryAfter is TimeSpan wait && wait > TimeSpan.Zero ? wait + jitter : jitter;
        }

        /// <summary>
        /// How long to wait before trying again after attempt <paramref name="failedAttempt"/> failed with
        /// <paramref name="error"/>, or null to give up: the failure is not retryable, the attempts are
        /// used up, or the wait would end later than <see cref="MaxElapsed"/> after the first attempt began
        /// (so a Retry-After longer than the time left ends the retries rather than being cut short).
        /// </summary>
        /// <param name="elapsed">Time since the first attempt began.</param>
        public TimeSpan? NextDelay(Exception error, OciRequest request, int failedAttempt, TimeSpan elapsed, IRandomSource random)
        {
            if (failedAttempt >= MaxAttempts || !IsRetryable(error, request))
            {
                return null;
            }

            var retryAfter = (error as OciServiceException)?.RetryAfter;
            var delay = DelayAfter(failedAttempt, retryAfter, random);
            return elapsed + delay > MaxElapsed ? (TimeSpan?)null : delay;
        }

        public override string ToString() =>
            MaxAttempts == 1
                ? "no retry"
                : $"up to {MaxAttempts} attempts within {Seconds(MaxElapsed)} s, delays doubling from {Seconds(BaseDelay)} s to {Seconds(MaxDelay)} s with full jitter";

        private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

        /// <summary>The service turned the call away before acting on it: safe to repeat whatever the call.</summary>
        private static bool IsRefusal(OciServiceException error) =>
            error.StatusCode == 429
            || (error.StatusCode == 409 && (string.Equals(error.Code, "IncorrectState", StringComparison.Ordinal) || string.Equals(error.Code, "LockConflict", StringComparison.Ordinal)));

        private static bool IsServerError(int status) => status >= 500 && status <= 599 && status != 501;

        /// <summary>Sending it twice does what sending it once does: an idempotent method, or a create the service can match by its retry token.</summary>
        private static bool IsSafeToRepeat(OciRequest request)
        {
            var method = request.Method;
            var idempotent = method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
                || method == HttpMethod.Delete || method == HttpMethod.Options;
            return idempotent || request.IsIdempotent || !string.IsNullOrEmpty(request.RetryToken);
        }
    }
}
