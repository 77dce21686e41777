using System;
using OciBackup.Engine.Http;

namespace OciBackup.Engine.Bulk
{
    /// <summary>
    /// Feeds the retries of throttled calls (429) to a bulk run's <see cref="AdaptiveConcurrencyLimiter"/>,
    /// and passes every notice on to another observer (e.g. the cmdlet's -Verbose queue). When the calls are paced
    /// (<see cref="RequestPacer"/>), a 429 is the pacer's to answer and only a refusal for a limit on work in progress
    /// (<see cref="RetryNotice.Paced"/>) lowers the calls at once: fewer calls in flight would not lower the rate any
    /// further, and the throttled calls keep their places while they sit out their Retry-After, so halving the places
    /// would leave none for the rest.
    /// </summary>
    internal sealed class ThrottleFeedbackObserver : IRetryObserver
    {
        private readonly AdaptiveConcurrencyLimiter _limiter;
        private readonly IRetryObserver? _next;
        private readonly bool _ratePaced;

        public ThrottleFeedbackObserver(AdaptiveConcurrencyLimiter limiter, IRetryObserver? next = null, bool ratePaced = false)
        {
            _limiter = limiter ?? throw new ArgumentNullException(nameof(limiter));
            _next = next;
            _ratePaced = ratePaced;
        }

        public void OnRetry(RetryNotice notice)
        {
            if (notice == null)
            {
                throw new ArgumentNullException(nameof(notice));
            }

            if (notice.Throttled && !(_ratePaced && !notice.IsLimitRefusal))
            {
                _limiter.OnThrottled();
            }

            _next?.OnRetry(notice);
        }
    }
}
