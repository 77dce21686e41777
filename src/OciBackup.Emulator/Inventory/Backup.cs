namespace OciBackup.Emulator.Inventory;

/// <summary>
/// What volume backups and volume group backups share: where they live, their lifecycle on the clock (created, or
/// pinned to a seeded state, then deleted), the copies running from them, and the counters tests read.
/// State changes (deletion, copies) happen under the store's lock; reads are lock-free.
/// </summary>
internal abstract class Backup
{
    private long _copiesMade;
    private long _restores;
    private DeletionTimeline? _deletion;

    protected Backup(string id, string region, string compartmentId, string displayName, string type, Tags tags,
        BackupTimeline timeline, long sequence)
    {
        Id = id;
        Region = region;
        CompartmentId = compartmentId;
        DisplayName = displayName;
        Type = type;
        Tags = tags;
        Timeline = timeline;
        Sequence = sequence;
    }

    public string Id { get; }

    public string Region { get; }

    public string CompartmentId { get; }

    public string DisplayName { get; }

    public string Type { get; }

    public Tags Tags { get; }

    public BackupTimeline Timeline { get; }

    /// <summary>Creation order; breaks ties between equal creation times.</summary>
    public long Sequence { get; }

    /// <summary>MANUAL, or SCHEDULED for seeded backups that stand for a backup policy's.</summary>
    public string SourceType { get; init; } = "MANUAL";

    public DateTimeOffset? ExpirationTime { get; init; }

    /// <summary>The backup this one is a cross-region copy of; null for an original.</summary>
    public string? SourceBackupId { get; init; }

    /// <summary>A seeded state that the clock does not move (REQUEST_RECEIVED, CREATING, TERMINATED, …); deletion still overrides it.</summary>
    public string? PinnedState { get; init; }

    public DeletionTimeline? Deletion => Volatile.Read(ref _deletion);

    /// <summary>Until when a copy made from this backup is still being created (deletion is refused until then).</summary>
    public DateTimeOffset CopyingUntil { get; private set; } = DateTimeOffset.MinValue;

    public long CopiesMade => Interlocked.Read(ref _copiesMade);

    public long Restores => Interlocked.Read(ref _restores);

    public long Deletes => Deletion is null ? 0 : 1;

    public string LifecycleState(DateTimeOffset now) => Deletion?.State(now) ?? PinnedState ?? TimelineState(now);

    /// <summary>Deleted long enough ago that the service no longer shows it.</summary>
    public bool IsGone(DateTimeOffset now) => Deletion?.IsGone(now) ?? false;

    public abstract string Kind { get; }

    public abstract long SizeInGBs { get; }

    public abstract long UniqueSizeInGBs { get; }

    protected abstract string TimelineState(DateTimeOffset now);

    public void MarkDeleted(DeletionTimeline deletion) => Volatile.Write(ref _deletion, deletion);

    public void CountCopy(DateTimeOffset copyCompletesAt)
    {
        Interlocked.Increment(ref _copiesMade);
        if (copyCompletesAt > CopyingUntil)
        {
            CopyingUntil = copyCompletesAt;
        }
    }

    public void CountRestore() => Interlocked.Increment(ref _restores);
}
