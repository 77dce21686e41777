namespace OciBackup.Emulator.Inventory;

/// <summary>
/// When a backup moves through its states. States are computed from the clock on every read rather than
/// advanced by a timer, so an injected clock drives them with no background work.
/// </summary>
internal sealed class BackupTimeline
{
    /// <summary>Share of the duration spent in REQUEST_RECEIVED before CREATING.</summary>
    private const double RequestReceivedShare = 0.2;

    /// <summary>For group backups: share of the duration at which CREATING gives way to COMMITTED.</summary>
    private const double CommittedShare = 0.8;

    public BackupTimeline(DateTimeOffset requestReceived, TimeSpan duration, bool endsFaulty)
    {
        RequestReceived = requestReceived;
        Duration = duration < TimeSpan.Zero ? TimeSpan.Zero : duration;
        EndsFaulty = endsFaulty;
    }

    public DateTimeOffset RequestReceived { get; }

    public TimeSpan Duration { get; }

    public bool EndsFaulty { get; }

    public DateTimeOffset CompletesAt => RequestReceived + Duration;

    /// <summary>When REQUEST_RECEIVED gives way to CREATING.</summary>
    public DateTimeOffset CreatingFrom => RequestReceived + Duration * RequestReceivedShare;

    public bool IsComplete(DateTimeOffset now) => now >= CompletesAt;

    public string VolumeBackupState(DateTimeOffset now)
    {
        if (now >= CompletesAt)
        {
            return EndsFaulty ? "FAULTY" : "AVAILABLE";
        }

        return now < CreatingFrom ? "REQUEST_RECEIVED" : "CREATING";
    }

    public string VolumeGroupBackupState(DateTimeOffset now)
    {
        if (now >= CompletesAt)
        {
            return EndsFaulty ? "FAULTY" : "AVAILABLE";
        }

        if (now < CreatingFrom)
        {
            return "REQUEST_RECEIVED";
        }

        return now < RequestReceived + Duration * CommittedShare ? "CREATING" : "COMMITTED";
    }
}
