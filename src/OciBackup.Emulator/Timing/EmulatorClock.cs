namespace OciBackup.Emulator.Timing;

/// <summary>The emulator's notion of now: the injected time provider shifted by the clock-skew fault.</summary>
internal sealed class EmulatorClock
{
    private readonly TimeProvider _provider;
    private readonly FaultState _faults;

    public EmulatorClock(TimeProvider provider, FaultState faults)
    {
        _provider = provider;
        _faults = faults;
    }

    public TimeProvider Provider => _provider;

    public DateTimeOffset UtcNow
    {
        get
        {
            double skew = _faults.Current.ClockSkewSeconds;
            DateTimeOffset now = _provider.GetUtcNow();
            return skew == 0 ? now : now.AddSeconds(skew);
        }
    }

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _provider, cancellationToken);

    /// <summary>Waits on this clock for a request; false when the client went away or the emulator is stopping.</summary>
    public async Task<bool> TryDelayAsync(TimeSpan delay, CancellationToken requestAborted, CancellationToken stopping)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, stopping);
        try
        {
            await Delay(delay, both.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
