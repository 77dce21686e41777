namespace OciBackup.Emulator.Inventory;

/// <summary>A volume backup of a seeded volume, possibly backdated and in any state.</summary>
public sealed class SeedVolumeBackup : SeedBackup
{
    public string? KmsKeyId { get; set; }
}
