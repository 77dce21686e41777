namespace OciBackup.Emulator.Inventory;

/// <summary>A compartment of the seed: its volumes and volume groups (whose volumes are listed inside them), and its sub-compartments.</summary>
public sealed class SeedCompartment
{
    public string Name { get; set; } = "";

    /// <summary>The compartment OCID; derived from the name (a sub-compartment's from its path, <c>parent/child</c>) when absent.</summary>
    public string? Id { get; set; }

    public string? Description { get; set; }

    /// <summary>ACTIVE unless given (CREATING, INACTIVE, DELETING, DELETED).</summary>
    public string LifecycleState { get; set; } = "ACTIVE";

    public Dictionary<string, string> FreeformTags { get; set; } = new();

    public Dictionary<string, Dictionary<string, string>> DefinedTags { get; set; } = new();

    public List<SeedVolume> Volumes { get; set; } = new();

    public List<SeedVolumeGroup> VolumeGroups { get; set; } = new();

    /// <summary>Sub-compartments, to any depth.</summary>
    public List<SeedCompartment> Compartments { get; set; } = new();
}
