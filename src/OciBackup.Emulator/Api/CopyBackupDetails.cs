namespace OciBackup.Emulator.Api;

/// <summary>A validated CopyVolumeBackupDetails or CopyVolumeGroupBackupDetails body (the two have the same fields).</summary>
internal sealed record CopyBackupDetails(
    string DestinationRegion,
    string? DisplayName,
    string? KmsKeyId,
    string CanonicalForm);
