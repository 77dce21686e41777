namespace OciBackup.Emulator.Inventory;

/// <summary>A volume group of the seed, with the volumes it holds.</summary>
public sealed class SeedVolumeGroup
{
    /// <summary>The volume group OCID; generated when absent.</summary>
    public string? Id { get; set; }

    public string DisplayName { get; set; } = "";

    public string? AvailabilityDomain { get; set; }

    public Dictionary<string, string> FreeformTags { get; set; } = new();

    public Dictionary<string, Dictionary<string, string>> DefinedTags { get; set; } = new();

    public List<SeedVolume> Volumes { get; set; } = new();
}
