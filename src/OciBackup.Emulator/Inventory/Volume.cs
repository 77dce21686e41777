namespace OciBackup.Emulator.Inventory;

/// <summary>A block volume of the inventory, with the count of backups made of it.</summary>
internal sealed class Volume
{
    private long _backupsCreated;

    public Volume(string id, string compartmentId, string displayName, string availabilityDomain, long sizeInGBs,
        string lifecycleState, DateTimeOffset timeCreated, Tags tags)
    {
        Id = id;
        CompartmentId = compartmentId;
        DisplayName = displayName;
        AvailabilityDomain = availabilityDomain;
        SizeInGBs = sizeInGBs;
        LifecycleState = lifecycleState;
        TimeCreated = timeCreated;
        Tags = tags;
    }

    public string Id { get; }

    public string CompartmentId { get; }

    public string DisplayName { get; }

    public string AvailabilityDomain { get; }

    public long SizeInGBs { get; }

    public string LifecycleState { get; }

    public DateTimeOffset TimeCreated { get; }

    public Tags Tags { get; }

    public string? VolumeGroupId { get; set; }

    /// <summary>Volume backups created of this volume, member backups of group backups included.</summary>
    public long BackupsCreated => Interlocked.Read(ref _backupsCreated);

    public long CountBackupCreated() => Interlocked.Increment(ref _backupsCreated);
}
