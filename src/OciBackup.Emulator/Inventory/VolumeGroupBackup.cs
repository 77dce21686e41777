namespace OciBackup.Emulator.Inventory;

/// <summary>A volume group backup with its member volume backups: made by the API, a cross-region copy, or seeded.</summary>
internal sealed class VolumeGroupBackup : Backup
{
    public VolumeGroupBackup(string id, string region, string compartmentId, string displayName, VolumeGroup volumeGroup, string type,
        IReadOnlyList<VolumeBackup> members, Tags tags, BackupTimeline timeline, long sequence)
        : base(id, region, compartmentId, displayName, type, tags, timeline, sequence)
    {
        VolumeGroup = volumeGroup;
        Members = members;
    }

    /// <summary>The group backed up; for a copy, the original's group (in the source region).</summary>
    public VolumeGroup VolumeGroup { get; }

    public IReadOnlyList<VolumeBackup> Members { get; }

    public override string Kind => "volumeGroupBackup";

    public override long SizeInGBs => Members.Sum(m => m.SizeInGBs);

    public override long UniqueSizeInGBs => Members.Sum(m => m.UniqueSizeInGBs);

    protected override string TimelineState(DateTimeOffset now) => Timeline.VolumeGroupBackupState(now);
}
