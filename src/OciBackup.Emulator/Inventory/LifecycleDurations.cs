namespace OciBackup.Emulator.Inventory;

/// <summary>How long each lifecycle takes on the emulator's clock.</summary>
internal sealed record LifecycleDurations(
    TimeSpan Backup,
    TimeSpan BackupJitter,
    TimeSpan Copy,
    TimeSpan Restore,
    TimeSpan Hydration,
    TimeSpan Delete,
    TimeSpan TerminatedRetention);
