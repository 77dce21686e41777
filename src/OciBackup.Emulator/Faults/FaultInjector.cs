using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator.Faults;

/// <summary>Decides, per request, which configured fault strikes, and counts each one that does.</summary>
internal sealed class FaultInjector
{
    private readonly FaultState _state;
    private readonly RandomSource _random;
    private readonly TokenBucketRateLimiter _limiter;
    private readonly EmulatorStatistics _statistics;

    public FaultInjector(FaultState state, RandomSource random, TokenBucketRateLimiter limiter, EmulatorStatistics statistics)
    {
        _state = state;
        _random = random;
        _limiter = limiter;
        _statistics = statistics;
    }

    public FaultSettings Current => _state.Current;

    public bool IsRateLimited(FaultSettings faults, out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        if (faults.RateLimitPerSecond <= 0 || _limiter.TryAcquire(faults.RateLimitPerSecond, out retryAfterSeconds))
        {
            return false;
        }

        _statistics.CountFault(FaultKind.RateLimited);
        return true;
    }

    public TimeSpan Latency(FaultSettings faults)
    {
        double ms = faults.LatencyMilliseconds;
        if (faults.LatencyJitterMilliseconds > 0)
        {
            ms += faults.LatencyJitterMilliseconds * _random.NextDouble();
        }

        if (ms <= 0)
        {
            return TimeSpan.Zero;
        }

        _statistics.CountFault(FaultKind.Latency);
        return TimeSpan.FromMilliseconds(ms);
    }

    /// <summary>One draw decides between 500, 503 and no error, so the shares are exact.</summary>
    public int? ServerError(FaultSettings faults)
    {
        double total = faults.InternalServerErrorShare + faults.ServiceUnavailableShare;
        if (total <= 0)
        {
            return null;
        }

        double draw = total >= 1 ? _random.NextDouble() * total : _random.NextDouble();
        if (draw < faults.InternalServerErrorShare)
        {
            _statistics.CountFault(FaultKind.InternalServerError);
            return 500;
        }

        if (draw < total)
        {
            _statistics.CountFault(FaultKind.ServiceUnavailable);
            return 503;
        }

        return null;
    }

    public bool IncorrectState(FaultSettings faults) => Strike(faults.IncorrectStateShare, FaultKind.IncorrectState);

    public bool DropResponse(FaultSettings faults) => Strike(faults.DropResponseShare, FaultKind.DroppedResponse);

    /// <summary>A write was performed; answer 500 all the same.</summary>
    public bool ErrorAfterWrite(FaultSettings faults) => Strike(faults.ErrorAfterWriteShare, FaultKind.ErrorAfterWrite);

    public TimeSpan SlowResponse(FaultSettings faults) =>
        faults.SlowResponseSeconds > 0 && Strike(faults.SlowResponseShare, FaultKind.SlowResponse)
            ? TimeSpan.FromSeconds(faults.SlowResponseSeconds)
            : TimeSpan.Zero;

    public void CountClockSkewRejection() => _statistics.CountFault(FaultKind.ClockSkewRejection);

    private bool Strike(double share, FaultKind kind)
    {
        if (!_random.Chance(share))
        {
            return false;
        }

        _statistics.CountFault(kind);
        return true;
    }
}
