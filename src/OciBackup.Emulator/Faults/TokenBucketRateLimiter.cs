namespace OciBackup.Emulator.Faults;

/// <summary>
/// The service-side rate limit: a token bucket holding one second's worth of requests, refilled continuously
/// from the injected clock (so tests step time instead of sleeping).
/// </summary>
internal sealed class TokenBucketRateLimiter
{
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private double _rate;
    private double _tokens;
    private DateTimeOffset _last;

    public TokenBucketRateLimiter(TimeProvider time)
    {
        _time = time;
        _last = time.GetUtcNow();
    }

    /// <summary>Takes a token; when none is left, says how many whole seconds until one is (for Retry-After).</summary>
    public bool TryAcquire(double ratePerSecond, out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        lock (_gate)
        {
            DateTimeOffset now = _time.GetUtcNow();
            if (ratePerSecond != _rate)
            {
                _rate = ratePerSecond;
                _tokens = Capacity;
            }
            else
            {
                double elapsed = Math.Max(0, (now - _last).TotalSeconds);
                _tokens = Math.Min(Capacity, _tokens + elapsed * _rate);
            }

            _last = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return true;
            }

            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((1 - _tokens) / _rate));
            return false;
        }
    }

    private double Capacity => Math.Max(1, _rate);
}
