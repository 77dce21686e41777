namespace OciBackup.Emulator.Inventory;

/// <summary>A volume group of the inventory, with the count of group backups made of it.</summary>
internal sealed class VolumeGroup
{
    private long _groupBackupsCreated;

    public VolumeGroup(string id, string compartmentId, string displayName, string availabilityDomain,
        IReadOnlyList<Volume> volumes, DateTimeOffset timeCreated, Tags tags)
    {
        Id = id;
        CompartmentId = compartmentId;
        DisplayName = displayName;
        AvailabilityDomain = availabilityDomain;
        Volumes = volumes;
        TimeCreated = timeCreated;
        Tags = tags;
    }

    public string Id { get; }

    public string CompartmentId { get; }

    public string DisplayName { get; }

    public string AvailabilityDomain { get; }

    public IReadOnlyList<Volume> Volumes { get; }

    public DateTimeOffset TimeCreated { get; }

    public Tags Tags { get; }

    public string LifecycleState => "AVAILABLE";

    public long SizeInGBs => Volumes.Sum(v => v.SizeInGBs);

    public long GroupBackupsCreated => Interlocked.Read(ref _groupBackupsCreated);

    public long CountGroupBackupCreated() => Interlocked.Increment(ref _groupBackupsCreated);
}
