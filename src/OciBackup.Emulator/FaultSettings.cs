namespace OciBackup.Emulator;

/// <summary>
/// Faults the emulator injects. Shares are probabilities in [0, 1] drawn per request from the seeded random source.
/// Immutable: the host swaps the whole object, so a request sees one consistent set.
/// </summary>
public sealed record FaultSettings
{
    /// <summary>Service-side rate limit in requests per second (token bucket, burst = one second's worth); 0 is off.</summary>
    public double RateLimitPerSecond { get; init; }

    /// <summary>Share of authenticated API requests answered 500 InternalServerError (nothing is created).</summary>
    public double InternalServerErrorShare { get; init; }

    /// <summary>Share of authenticated API requests answered 503 ServiceUnavailable (nothing is created).</summary>
    public double ServiceUnavailableShare { get; init; }

    /// <summary>Share of writes (creates, copies, deletes, restores) answered 409 IncorrectState (nothing is done).</summary>
    public double IncorrectStateShare { get; init; }

    /// <summary>Share of writes (creates, copies, deletes, restores) that are performed and whose connection is then cut with no response.</summary>
    public double DropResponseShare { get; init; }

    /// <summary>
    /// Share of writes (creates, copies, deletes, restores) that are performed and then answered 500 InternalServerError:
    /// a server error after the work was done, which only a retry token (or, on Huawei, a look for what was made) makes safe to retry.
    /// </summary>
    public double ErrorAfterWriteShare { get; init; }

    /// <summary>Share of API requests that are performed and answered only after <see cref="SlowResponseSeconds"/>.</summary>
    public double SlowResponseShare { get; init; }

    public double SlowResponseSeconds { get; init; } = 30;

    /// <summary>Added to every API request before it is handled.</summary>
    public double LatencyMilliseconds { get; init; }

    /// <summary>Up to this much more latency, drawn per request.</summary>
    public double LatencyJitterMilliseconds { get; init; }

    /// <summary>Shifts the emulator's clock (signature date checks and timestamps) by this many seconds.</summary>
    public double ClockSkewSeconds { get; init; }

    /// <summary>Share of new backups that end FAULTY instead of AVAILABLE.</summary>
    public double FaultyBackupShare { get; init; }

    /// <summary>Throws when a value is out of range; returns the same settings otherwise.</summary>
    public FaultSettings Validated()
    {
        CheckShare(InternalServerErrorShare, "internalServerErrorShare");
        CheckShare(ServiceUnavailableShare, "serviceUnavailableShare");
        CheckShare(IncorrectStateShare, "incorrectStateShare");
        CheckShare(DropResponseShare, "dropResponseShare");
        CheckShare(ErrorAfterWriteShare, "errorAfterWriteShare");
        CheckShare(SlowResponseShare, "slowResponseShare");
        CheckShare(FaultyBackupShare, "faultyBackupShare");
        if (InternalServerErrorShare + ServiceUnavailableShare > 1)
        {
            throw new ArgumentException("internalServerErrorShare + serviceUnavailableShare must not exceed 1");
        }

        CheckNonNegative(RateLimitPerSecond, "rateLimitPerSecond");
        CheckNonNegative(SlowResponseSeconds, "slowResponseSeconds");
        CheckNonNegative(LatencyMilliseconds, "latencyMilliseconds");
        CheckNonNegative(LatencyJitterMilliseconds, "latencyJitterMilliseconds");
        if (double.IsNaN(ClockSkewSeconds) || double.IsInfinity(ClockSkewSeconds))
        {
            throw new ArgumentException("clockSkewSeconds must be a finite number");
        }

        return this;
    }

    private static void CheckShare(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentException($"{name} must be between 0 and 1");
        }
    }

    private static void CheckNonNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentException($"{name} must be a finite number of at least 0");
        }
    }
}
