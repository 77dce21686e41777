namespace OciBackup.Emulator.Inventory;

/// <summary>
/// A block volume: seeded (in the state the seed gives, for ever) or created by the API (restored from a backup, or
/// blank) and provisioned on the clock. Counts the backups made of it.
/// </summary>
internal sealed class Volume
{
    private readonly string _seededState;
    private long _backupsCreated;

    public Volume(string id, string region, string compartmentId, string displayName, string availabilityDomain, long sizeInGBs,
        string lifecycleState, DateTimeOffset timeCreated, Tags tags)
    {
        Id = id;
        Region = region;
        CompartmentId = compartmentId;
        DisplayName = displayName;
        AvailabilityDomain = availabilityDomain;
        SizeInGBs = sizeInGBs;
        _seededState = lifecycleState;
        TimeCreated = timeCreated;
        Tags = tags;
    }

    public string Id { get; }

    public string Region { get; }

    public string CompartmentId { get; }

    public string DisplayName { get; }

    public string AvailabilityDomain { get; }

    public long SizeInGBs { get; }

    public DateTimeOffset TimeCreated { get; }

    public Tags Tags { get; }

    public long VpusPerGB { get; init; } = 10;

    public string? KmsKeyId { get; init; }

    /// <summary>The backup a restored volume came from; null for seeded and blank volumes.</summary>
    public VolumeBackup? SourceBackup { get; init; }

    /// <summary>Set for volumes the API created; seeded volumes keep their seeded state.</summary>
    public ProvisioningTimeline? Provisioning { get; init; }

    public string? VolumeGroupId { get; set; }

    /// <summary>Volume backups created of this volume, member backups of group backups included.</summary>
    public long BackupsCreated => Interlocked.Read(ref _backupsCreated);

    public long CountBackupCreated() => Interlocked.Increment(ref _backupsCreated);

    public string LifecycleState(DateTimeOffset now) => Provisioning?.State(now) ?? _seededState;

    /// <summary>Whether a restored volume's data has all arrived; null for a blank volume, true for a seeded one.</summary>
    public bool? IsHydrated(DateTimeOffset now) =>
        Provisioning is null ? true : SourceBackup is null ? null : Provisioning.IsHydrated(now);
}
