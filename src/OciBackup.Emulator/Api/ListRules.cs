namespace OciBackup.Emulator.Api;

/// <summary>
/// How one list operation reads the common parameters: whether compartmentId is required, what the name filter and
/// the name sort are called (displayName/DISPLAYNAME in Core, name/NAME in Identity), and which lifecycle states it
/// filters by (null: the operation has no lifecycleState filter, so the parameter is ignored, as OCI ignores
/// parameters an operation does not have).
/// </summary>
internal sealed record ListRules(
    string Operation,
    bool CompartmentRequired,
    string NameParameter,
    string NameSortKey,
    IReadOnlyCollection<string>? LifecycleStates)
{
    public static readonly ListRules VolumeBackups = new("ListVolumeBackups", true, "displayName", "DISPLAYNAME",
        new[] { "CREATING", "AVAILABLE", "TERMINATING", "TERMINATED", "FAULTY", "REQUEST_RECEIVED" });

    public static readonly ListRules VolumeGroupBackups = new("ListVolumeGroupBackups", true, "displayName", "DISPLAYNAME", null);

    /// <summary>compartmentId is optional on ListVolumes only (it is mandatory:"false" in Oracle's SDKs).</summary>
    public static readonly ListRules Volumes = new("ListVolumes", false, "displayName", "DISPLAYNAME",
        new[] { "PROVISIONING", "RESTORING", "AVAILABLE", "TERMINATING", "TERMINATED", "FAULTY" });

    public static readonly ListRules VolumeGroups = new("ListVolumeGroups", true, "displayName", "DISPLAYNAME",
        new[] { "PROVISIONING", "AVAILABLE", "TERMINATING", "TERMINATED", "FAULTY", "UPDATE_PENDING" });

    public static readonly ListRules Compartments = new("ListCompartments", true, "name", "NAME",
        new[] { "CREATING", "ACTIVE", "INACTIVE", "DELETING", "DELETED" });
}
