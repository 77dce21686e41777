namespace OciBackup.Emulator;

/// <summary>A compartment of the running emulator's inventory, with the OCIDs of its volumes and volume groups in one region.</summary>
public sealed record EmulatorCompartment(string Name, string Id, IReadOnlyList<string> VolumeIds, IReadOnlyList<string> VolumeGroupIds)
{
    /// <summary>The parent compartment's OCID; null for a compartment directly under the tenancy.</summary>
    public string? ParentId { get; init; }

    /// <summary>The region whose volumes and groups <see cref="VolumeIds"/> and <see cref="VolumeGroupIds"/> are.</summary>
    public string Region { get; init; } = "";
}
