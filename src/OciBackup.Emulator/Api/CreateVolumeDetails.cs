using OciBackup.Emulator.Inventory;

namespace OciBackup.Emulator.Api;

/// <summary>A validated CreateVolumeDetails body: a blank volume, or one restored from a volume backup.</summary>
internal sealed record CreateVolumeDetails(
    string CompartmentId,
    string AvailabilityDomain,
    string? DisplayName,
    long? SizeInGBs,
    long? VpusPerGB,
    string? KmsKeyId,
    Tags? Tags,
    string? VolumeBackupId,
    string CanonicalForm);
