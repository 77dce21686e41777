namespace OciBackup.Emulator.Inventory;

/// <summary>A block volume of the seed.</summary>
public sealed class SeedVolume
{
    /// <summary>The volume OCID; generated when absent.</summary>
    public string? Id { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>The region it lives in; the emulator's first region when absent.</summary>
    public string? Region { get; set; }

    public long SizeInGBs { get; set; } = 50;

    /// <summary>The region's first availability domain when absent.</summary>
    public string? AvailabilityDomain { get; set; }

    /// <summary>AVAILABLE unless given; backups of a volume in any other state are refused with 409 IncorrectState.</summary>
    public string LifecycleState { get; set; } = "AVAILABLE";

    public Dictionary<string, string> FreeformTags { get; set; } = new();

    public Dictionary<string, Dictionary<string, string>> DefinedTags { get; set; } = new();

    /// <summary>Backups of this volume that exist from the start (backdated, in any state).</summary>
    public List<SeedVolumeBackup> Backups { get; set; } = new();
}
