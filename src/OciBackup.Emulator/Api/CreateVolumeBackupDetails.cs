using OciBackup.Emulator.Inventory;

namespace OciBackup.Emulator.Api;

/// <summary>A validated CreateVolumeBackupDetails body.</summary>
internal sealed record CreateVolumeBackupDetails(
    string VolumeId,
    string? DisplayName,
    string? Type,
    string? KmsKeyId,
    Tags Tags,
    string CanonicalForm);
