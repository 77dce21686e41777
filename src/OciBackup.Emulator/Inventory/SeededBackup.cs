namespace OciBackup.Emulator.Inventory;

/// <summary>
/// A <see cref="SeedBackup"/> checked and settled against the clock: when it was made, and whether its state comes from
/// a finished timeline (AVAILABLE, FAULTY) or is pinned (every other state).
/// </summary>
internal sealed record SeededBackup(DateTimeOffset Time, string Type, string SourceType, DateTimeOffset? ExpirationTime,
    BackupTimeline Timeline, string? PinnedState)
{
    public static readonly IReadOnlyList<string> VolumeBackupStates =
        new[] { "REQUEST_RECEIVED", "CREATING", "AVAILABLE", "FAULTY", "TERMINATING", "TERMINATED" };

    public static readonly IReadOnlyList<string> VolumeGroupBackupStates =
        new[] { "REQUEST_RECEIVED", "CREATING", "COMMITTED", "AVAILABLE", "FAULTY", "TERMINATING", "TERMINATED" };

    /// <summary>Throws <see cref="InvalidDataException"/> naming the field that is wrong.</summary>
    public static SeededBackup From(SeedBackup seed, IReadOnlyList<string> states, DateTimeOffset now)
    {
        string state = seed.LifecycleState;
        if (!states.Contains(state, StringComparer.Ordinal))
        {
            throw new InvalidDataException($"lifecycleState '{state}' is not one of {string.Join(", ", states)}.");
        }

        string type = seed.Type ?? "INCREMENTAL";
        if (type is not ("FULL" or "INCREMENTAL"))
        {
            throw new InvalidDataException($"type '{type}' is not FULL or INCREMENTAL.");
        }

        if (seed.SourceType is not ("MANUAL" or "SCHEDULED"))
        {
            throw new InvalidDataException($"sourceType '{seed.SourceType}' is not MANUAL or SCHEDULED.");
        }

        if (seed.TimeCreated is not null && seed.AgeDays is not null)
        {
            throw new InvalidDataException("Give timeCreated or ageDays, not both.");
        }

        if (seed.AgeDays is double age && (!double.IsFinite(age) || age < 0))
        {
            throw new InvalidDataException("ageDays must be a number of at least 0.");
        }

        DateTimeOffset time = seed.TimeCreated ?? now - TimeSpan.FromDays(seed.AgeDays ?? 0);
        if (time > now)
        {
            throw new InvalidDataException($"timeCreated {time:O} is later than the emulator's clock ({now:O}).");
        }

        bool settles = state is "AVAILABLE" or "FAULTY";
        return new SeededBackup(time, type, seed.SourceType, seed.ExpirationTime,
            new BackupTimeline(time, TimeSpan.Zero, state == "FAULTY"), settles ? null : state);
    }

    /// <summary>The state of a member backup of a group backup pinned in <paramref name="groupState"/> (COMMITTED members are still uploading).</summary>
    public static string? MemberState(string? groupState) => groupState == "COMMITTED" ? "CREATING" : groupState;
}
