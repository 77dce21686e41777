namespace OciBackup.Emulator.Inventory;

/// <summary>A volume group backup the emulator created, with its member volume backups.</summary>
internal sealed class VolumeGroupBackup
{
    public VolumeGroupBackup(string id, string compartmentId, string displayName, VolumeGroup volumeGroup, string type,
        IReadOnlyList<VolumeBackup> members, Tags tags, BackupTimeline timeline, long sequence)
    {
        Id = id;
        CompartmentId = compartmentId;
        DisplayName = displayName;
        VolumeGroup = volumeGroup;
        Type = type;
        Members = members;
        Tags = tags;
        Timeline = timeline;
        Sequence = sequence;
    }

    public string Id { get; }

    public string CompartmentId { get; }

    public string DisplayName { get; }

    public VolumeGroup VolumeGroup { get; }

    public string Type { get; }

    public IReadOnlyList<VolumeBackup> Members { get; }

    public Tags Tags { get; }

    public BackupTimeline Timeline { get; }

    public long Sequence { get; }

    public long SizeInGBs => Members.Sum(m => m.SizeInGBs);

    public long UniqueSizeInGBs => Members.Sum(m => m.UniqueSizeInGBs);

    public string LifecycleState(DateTimeOffset now) => Timeline.VolumeGroupBackupState(now);
}
