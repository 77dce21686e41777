using OciBackup.Emulator.Inventory;

namespace OciBackup.Emulator.Api;

/// <summary>A validated CreateVolumeGroupBackupDetails body.</summary>
internal sealed record CreateVolumeGroupBackupDetails(
    string VolumeGroupId,
    string? CompartmentId,
    string? DisplayName,
    string? Type,
    Tags Tags,
    string CanonicalForm);
