namespace OciBackup.Emulator.Huawei;

/// <summary>
/// A VBS backup job and the backup it makes: INIT until <see cref="RunningAt"/> (no backup record yet), RUNNING with
/// the backup <c>creating</c> until <see cref="DoneAt"/>, then SUCCESS with it <c>available</c>, or FAIL with it in
/// <c>error</c>. Its state is a function of the clock, never stored.
/// </summary>
internal sealed class VbsJob
{
    public VbsJob(string id, string backupId, EvsVolume volume, string name, string? description, string? snapshotId, IReadOnlyList<(string Key, string Value)> tags,
        bool full, bool incremental, DateTimeOffset requestedAt, DateTimeOffset runningAt, DateTimeOffset doneAt, bool fails)
    {
        Id = id;
        BackupId = backupId;
        Volume = volume;
        Name = name;
        Description = description;
        SnapshotId = snapshotId;
        Tags = tags;
        Full = full;
        Incremental = incremental;
        RequestedAt = requestedAt;
        RunningAt = runningAt;
        DoneAt = doneAt;
        Fails = fails;
    }

    public string Id { get; }

    public string BackupId { get; }

    public EvsVolume Volume { get; }

    public string Name { get; }

    public string? Description { get; }

    public string? SnapshotId { get; }

    public IReadOnlyList<(string Key, string Value)> Tags { get; }

    public bool Full { get; }

    public bool Incremental { get; }

    public DateTimeOffset RequestedAt { get; }

    /// <summary>When the job starts and the backup record appears (created_at).</summary>
    public DateTimeOffset RunningAt { get; }

    public DateTimeOffset DoneAt { get; }

    public bool Fails { get; }

    public const string FailReason = "Creating the snapshot of the disk failed (injected by the emulator).";

    public string Status(DateTimeOffset now) => now < RunningAt ? "INIT" : now < DoneAt ? "RUNNING" : Fails ? "FAIL" : "SUCCESS";

    public bool BackupExists(DateTimeOffset now) => now >= RunningAt;

    public string BackupStatus(DateTimeOffset now) => now < DoneAt ? "creating" : Fails ? "error" : "available";
}
