namespace OciBackup.Emulator.Inventory;

/// <summary>A volume backup: made by the API, a member of a group backup, a cross-region copy, or seeded.</summary>
internal sealed class VolumeBackup : Backup
{
    public VolumeBackup(string id, string region, string compartmentId, string displayName, Volume volume, string type, string? kmsKeyId,
        Tags tags, BackupTimeline timeline, long sizeInGBs, long uniqueSizeInGBs, long sequence)
        : base(id, region, compartmentId, displayName, type, tags, timeline, sequence)
    {
        Volume = volume;
        KmsKeyId = kmsKeyId;
        SizeInGBs = sizeInGBs;
        UniqueSizeInGBs = uniqueSizeInGBs;
    }

    /// <summary>The volume backed up; for a copy, the original's volume (in the source region).</summary>
    public Volume Volume { get; }

    public string? KmsKeyId { get; }

    public override string Kind => "volumeBackup";

    public override long SizeInGBs { get; }

    public override long UniqueSizeInGBs { get; }

    /// <summary>The group backup this backup is a member of, if any.</summary>
    public VolumeGroupBackup? GroupBackup { get; set; }

    /// <summary>For a copy: the OCID of the work request that tracks it in the source region.</summary>
    public string? WorkRequestId { get; init; }

    protected override string TimelineState(DateTimeOffset now) => Timeline.VolumeBackupState(now);
}
