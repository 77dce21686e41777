namespace OciBackup.Emulator.Inventory;

/// <summary>
/// A deleted backup's states on the clock: TERMINATING, then TERMINATED, and after the retention it is gone (GET is
/// 404 and lists leave it out), as OCI stops showing deleted resources after a while.
/// </summary>
internal sealed class DeletionTimeline
{
    public DeletionTimeline(DateTimeOffset requested, TimeSpan duration, TimeSpan retention)
    {
        Requested = requested;
        TerminatedAt = requested + (duration < TimeSpan.Zero ? TimeSpan.Zero : duration);
        GoneAt = TerminatedAt + (retention < TimeSpan.Zero ? TimeSpan.Zero : retention);
    }

    public DateTimeOffset Requested { get; }

    public DateTimeOffset TerminatedAt { get; }

    public DateTimeOffset GoneAt { get; }

    public string State(DateTimeOffset now) => now < TerminatedAt ? "TERMINATING" : "TERMINATED";

    public bool IsGone(DateTimeOffset now) => now >= GoneAt;
}
