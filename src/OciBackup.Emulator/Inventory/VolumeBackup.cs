namespace OciBackup.Emulator.Inventory;

/// <summary>A volume backup the emulator created.</summary>
internal sealed class VolumeBackup
{
    public VolumeBackup(string id, string compartmentId, string displayName, Volume volume, string type, string? kmsKeyId,
        Tags tags, BackupTimeline timeline, long uniqueSizeInGBs, long sequence)
    {
        Id = id;
        CompartmentId = compartmentId;
        DisplayName = displayName;
        Volume = volume;
        Type = type;
        KmsKeyId = kmsKeyId;
        Tags = tags;
        Timeline = timeline;
        UniqueSizeInGBs = uniqueSizeInGBs;
        Sequence = sequence;
    }

    public string Id { get; }

    public string CompartmentId { get; }

    public string DisplayName { get; }

    public Volume Volume { get; }

    public string Type { get; }

    public string? KmsKeyId { get; }

    public Tags Tags { get; }

    public BackupTimeline Timeline { get; }

    public long SizeInGBs => Volume.SizeInGBs;

    public long UniqueSizeInGBs { get; }

    /// <summary>Creation order; breaks ties between equal creation times.</summary>
    public long Sequence { get; }

    public string LifecycleState(DateTimeOffset now) => Timeline.VolumeBackupState(now);
}
