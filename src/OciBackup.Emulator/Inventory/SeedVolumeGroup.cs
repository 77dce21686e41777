namespace OciBackup.Emulator.Inventory;

/// <summary>A volume group of the seed, with the volumes it holds (they live in the group's region).</summary>
public sealed class SeedVolumeGroup
{
    /// <summary>The volume group OCID; generated when absent.</summary>
    public string? Id { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>The region it lives in; the emulator's first region when absent.</summary>
    public string? Region { get; set; }

    public string? AvailabilityDomain { get; set; }

    public Dictionary<string, string> FreeformTags { get; set; } = new();

    public Dictionary<string, Dictionary<string, string>> DefinedTags { get; set; } = new();

    public List<SeedVolume> Volumes { get; set; } = new();

    /// <summary>Group backups of this group that exist from the start (backdated, in any state).</summary>
    public List<SeedVolumeGroupBackup> Backups { get; set; } = new();
}
