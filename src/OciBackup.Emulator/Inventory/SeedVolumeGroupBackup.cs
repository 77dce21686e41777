namespace OciBackup.Emulator.Inventory;

/// <summary>A volume group backup of a seeded group (with one member backup per volume), possibly backdated and in any state.</summary>
public sealed class SeedVolumeGroupBackup : SeedBackup
{
}
