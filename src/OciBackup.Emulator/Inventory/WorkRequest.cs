namespace OciBackup.Emulator.Inventory;

/// <summary>
/// The work request OCI opens for a volume backup copy, read in the source region. Its status follows the copy's
/// creation in the destination: ACCEPTED while the copy is REQUEST_RECEIVED, IN_PROGRESS while CREATING, then
/// SUCCEEDED (copy AVAILABLE) or FAILED (copy FAULTY).
/// </summary>
internal sealed class WorkRequest
{
    public WorkRequest(string id, string region, string operationType, VolumeBackup copy)
    {
        Id = id;
        Region = region;
        OperationType = operationType;
        Copy = copy;
    }

    public string Id { get; }

    /// <summary>The region the request was made in (the copy's source region).</summary>
    public string Region { get; }

    public string OperationType { get; }

    public VolumeBackup Copy { get; }

    public DateTimeOffset TimeAccepted => Copy.Timeline.RequestReceived;

    public string Status(DateTimeOffset now) => Copy.Timeline.VolumeBackupState(now) switch
    {
        "REQUEST_RECEIVED" => "ACCEPTED",
        "CREATING" => "IN_PROGRESS",
        "FAULTY" => "FAILED",
        _ => "SUCCEEDED",
    };

    public DateTimeOffset? TimeStarted(DateTimeOffset now) => Status(now) == "ACCEPTED" ? null : Copy.Timeline.CreatingFrom;

    public DateTimeOffset? TimeFinished(DateTimeOffset now) => Copy.Timeline.IsComplete(now) ? Copy.Timeline.CompletesAt : null;

    public double PercentComplete(DateTimeOffset now)
    {
        BackupTimeline timeline = Copy.Timeline;
        if (timeline.IsComplete(now))
        {
            return 100;
        }

        return timeline.Duration <= TimeSpan.Zero ? 0 : Math.Round(100 * (now - timeline.RequestReceived) / timeline.Duration, 1);
    }
}
