namespace OciBackup.Emulator.Inventory;

/// <summary>A volume backup of a seeded volume, possibly backdated and in any state.</summary>
public sealed class SeedVolumeBackup : SeedBackup
{
    public string? KmsKeyId { get; set; }

    /// <summary>
    /// The region it lives in, when not its volume's: another region the emulator serves makes it a copy there, as a
    /// disaster-recovery region holds the copies of earlier nights (its volumeId is still its volume's).
    /// </summary>
    public string? Region { get; set; }
}
