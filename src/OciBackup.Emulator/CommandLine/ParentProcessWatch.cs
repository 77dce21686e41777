using System.Diagnostics;

namespace OciBackup.Emulator.CommandLine;

/// <summary>
/// Completes when a watched process is gone, however it ended: exited, killed, or left as a zombie its own parent
/// has not reaped yet. The process is polled, because a process that is not our child cannot be waited for on every
/// platform, and a killed process sends nothing. A process id the system has since given to another process counts as
/// gone too (the start time differs).
/// </summary>
internal sealed class ParentProcessWatch
{
    private readonly int _processId;
    private readonly DateTime _startTime;
    private readonly TimeSpan _interval;

    private ParentProcessWatch(int processId, DateTime startTime, TimeSpan interval)
    {
        _processId = processId;
        _startTime = startTime;
        _interval = interval;
    }

    public int ProcessId => _processId;

    /// <summary>Starts watching a running process; throws <see cref="ArgumentException"/> when there is none with that id.</summary>
    public static ParentProcessWatch Of(int processId, TimeSpan interval)
    {
        DateTime? started = StartTimeOf(processId);
        if (started is null)
        {
            throw new ArgumentException($"--parent-process-id {processId}: no such process is running.");
        }

        return new ParentProcessWatch(processId, started.Value, interval);
    }

    /// <summary>Whether the watched process still runs.</summary>
    public bool IsAlive() => StartTimeOf(_processId) == _startTime;

    /// <summary>Completes when the process is gone; cancelled with the token.</summary>
    public async Task WaitForExitAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_interval);
        while (IsAlive())
        {
            await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static DateTime? StartTimeOf(int processId)
    {
        try
        {
            using Process process = Process.GetProcessById(processId);
            if (process.HasExited || IsZombie(processId))
            {
                return null;
            }

            return process.StartTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    // Linux keeps a killed process as a zombie until its parent reaps it; it runs no more code, so it counts as gone.
    private static bool IsZombie(int processId)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            string stat = File.ReadAllText($"/proc/{processId}/stat");
            int end = stat.LastIndexOf(')');
            return end > 0 && end + 2 < stat.Length && stat[end + 2] == 'Z';
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
