using System;
using OciBackup.Engine.Http;

namespace OciBackup.Engine.Bulk
{
    /// <summary>
    /// Feeds the retries of throttled calls (429) to a bulk run's <see cref="AdaptiveConcurrencyLimiter"/>,
    /// and passes every notice on to another observer (e.g. the cmdlet's -Verbose queue).
    /// </summary>
    internal sealed class ThrottleFeedbackObserver : IRetryObserver
    {
        private readonly AdaptiveConcurrencyLimiter _limiter;
        private readonly IRetryObserver? _next;

        public ThrottleFeedbackObserver(AdaptiveConcurrencyLimiter limiter, IRetryObserver? next = null)
        {
            _limiter = limiter ?? throw new ArgumentNullException(nameof(limiter));
            _next = next;
        }

        public void OnRetry(RetryNotice notice)
        {
            if (notice == null)
            {
                throw new ArgumentNullException(nameof(notice));
            }

            if (notice.Throttled)
            {
                _limiter.OnThrottled();
            }

            _next?.OnRetry(notice);
        }
    }
}
