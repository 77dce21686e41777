namespace OciBackup.Emulator.Inventory;

/// <summary>
/// A volume group: seeded (AVAILABLE) or restored from a volume group backup, when it is PROVISIONING until its
/// member volumes are. Counts the group backups made of it.
/// </summary>
internal sealed class VolumeGroup
{
    private long _groupBackupsCreated;

    public VolumeGroup(string id, string region, string compartmentId, string displayName, string availabilityDomain,
        IReadOnlyList<Volume> volumes, DateTimeOffset timeCreated, Tags tags)
    {
        Id = id;
        Region = region;
        CompartmentId = compartmentId;
        DisplayName = displayName;
        AvailabilityDomain = availabilityDomain;
        Volumes = volumes;
        TimeCreated = timeCreated;
        Tags = tags;
    }

    public string Id { get; }

    public string Region { get; }

    public string CompartmentId { get; }

    public string DisplayName { get; }

    public string AvailabilityDomain { get; }

    public IReadOnlyList<Volume> Volumes { get; }

    public DateTimeOffset TimeCreated { get; }

    public Tags Tags { get; }

    /// <summary>The group backup a restored group came from; null for a seeded group.</summary>
    public VolumeGroupBackup? SourceBackup { get; init; }

    public string LifecycleState(DateTimeOffset now) =>
        Volumes.Any(v => v.LifecycleState(now) == "PROVISIONING") ? "PROVISIONING" : "AVAILABLE";

    public bool IsHydrated(DateTimeOffset now) => Volumes.All(v => v.IsHydrated(now) != false);

    public long SizeInGBs => Volumes.Sum(v => v.SizeInGBs);

    public long GroupBackupsCreated => Interlocked.Read(ref _groupBackupsCreated);

    public long CountGroupBackupCreated() => Interlocked.Increment(ref _groupBackupsCreated);
}
