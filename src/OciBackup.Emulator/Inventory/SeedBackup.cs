namespace OciBackup.Emulator.Inventory;

/// <summary>
/// A backup that already exists when the emulator starts (or that <c>POST /admin/volumeBackups</c> adds), dated in
/// the past for retention tests: <see cref="TimeCreated"/>, or <see cref="AgeDays"/> before now.
/// </summary>
public abstract class SeedBackup
{
    public string? DisplayName { get; set; }

    /// <summary>FULL or INCREMENTAL (default, as for the API).</summary>
    public string? Type { get; set; }

    public DateTimeOffset? TimeCreated { get; set; }

    /// <summary>How many days (fractions allowed) before now it was created; instead of <see cref="TimeCreated"/>.</summary>
    public double? AgeDays { get; set; }

    /// <summary>
    /// AVAILABLE (default) or FAULTY, which behave as any finished backup; any other state of the kind
    /// (REQUEST_RECEIVED, CREATING, COMMITTED, TERMINATING, TERMINATED) stays as it is.
    /// </summary>
    public string LifecycleState { get; set; } = "AVAILABLE";

    /// <summary>MANUAL (default) or SCHEDULED (as a backup policy's backup).</summary>
    public string SourceType { get; set; } = "MANUAL";

    public DateTimeOffset? ExpirationTime { get; set; }

    public Dictionary<string, string> FreeformTags { get; set; } = new();

    public Dictionary<string, Dictionary<string, string>> DefinedTags { get; set; } = new();
}
