namespace OciBackup.Emulator.Inventory;

/// <summary>A compartment of the seed: its volumes and volume groups (whose volumes are listed inside them).</summary>
public sealed class SeedCompartment
{
    public string Name { get; set; } = "";

    /// <summary>The compartment OCID; derived from the name when absent.</summary>
    public string? Id { get; set; }

    public List<SeedVolume> Volumes { get; set; } = new();

    public List<SeedVolumeGroup> VolumeGroups { get; set; } = new();
}
