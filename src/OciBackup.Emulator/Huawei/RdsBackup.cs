namespace OciBackup.Emulator.Huawei;

/// <summary>A manual RDS backup: BUILDING until <see cref="DoneAt"/>, then COMPLETED, or FAILED.</summary>
internal sealed class RdsBackup
{
    public RdsBackup(string id, RdsInstance instance, string name, string? description, IReadOnlyList<string>? databases, DateTimeOffset beganAt, DateTimeOffset doneAt, bool fails)
    {
        Id = id;
        Instance = instance;
        Name = name;
        Description = description;
        Databases = databases;
        BeganAt = beganAt;
        DoneAt = doneAt;
        Fails = fails;
    }

    public string Id { get; }

    public RdsInstance Instance { get; }

    public string Name { get; }

    public string? Description { get; }

    public IReadOnlyList<string>? Databases { get; }

    public DateTimeOffset BeganAt { get; }

    public DateTimeOffset DoneAt { get; }

    public bool Fails { get; }

    public string Status(DateTimeOffset now) => now < DoneAt ? "BUILDING" : Fails ? "FAILED" : "COMPLETED";
}
