using OciBackup.Emulator.Inventory;

namespace OciBackup.Emulator.Api;

/// <summary>A validated CreateVolumeGroupDetails body whose source is a volume group backup (the only source the emulator restores).</summary>
internal sealed record CreateVolumeGroupDetails(
    string CompartmentId,
    string AvailabilityDomain,
    string? DisplayName,
    Tags? Tags,
    string VolumeGroupBackupId,
    string CanonicalForm);
