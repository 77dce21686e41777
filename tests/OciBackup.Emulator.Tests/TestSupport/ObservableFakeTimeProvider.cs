using Microsoft.Extensions.Time.Testing;

namespace OciBackup.Emulator.Tests.TestSupport;

/// <summary>
/// A fake clock that also tells when someone starts waiting on it (a timer is created), so a test can see that the
/// emulator is holding a request (latency, slow response) and then release it by advancing time: no real sleeping.
/// </summary>
internal sealed class ObservableFakeTimeProvider : FakeTimeProvider
{
    private readonly SemaphoreSlim _timersCreated = new(0);

    public ObservableFakeTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);
        _timersCreated.Release();
        return timer;
    }

    /// <summary>Completes when the next timer is created; fails the test after 10 s if none is.</summary>
    public async Task WaitForTimerAsync()
    {
        Assert.True(await _timersCreated.WaitAsync(TimeSpan.FromSeconds(10)), "The emulator never started waiting on its clock.");
    }
}
