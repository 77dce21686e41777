using Microsoft.Extensions.Hosting;

namespace OciBackup.Emulator.Timing;

/// <summary>
/// Keeps the host from hooking Ctrl+C/SIGTERM: an in-process emulator must not stop its test process's signals,
/// and the executable handles the signals itself so it can stop in order.
/// </summary>
internal sealed class NoSignalHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
