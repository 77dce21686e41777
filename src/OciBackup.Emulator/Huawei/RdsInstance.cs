namespace OciBackup.Emulator.Huawei;

/// <summary>An RDS DB instance of the emulator's Huawei inventory, with how many backups were made of it.</summary>
internal sealed class RdsInstance
{
    private long _backupsCreated;

    public RdsInstance(string id, string name, string datastoreType, string datastoreVersion)
    {
        Id = id;
        Name = name;
        DatastoreType = datastoreType;
        DatastoreVersion = datastoreVersion;
    }

    public string Id { get; }

    public string Name { get; }

    /// <summary><c>MySQL</c>, <c>PostgreSQL</c> or <c>SQLServer</c>: only the last two take a partial backup (databases).</summary>
    public string DatastoreType { get; }

    public string DatastoreVersion { get; }

    public bool TakesPartialBackups => DatastoreType is "PostgreSQL" or "SQLServer";

    /// <summary>Manual backups made of it through the API.</summary>
    public long BackupsCreated => Interlocked.Read(ref _backupsCreated);

    public void CountBackup() => Interlocked.Increment(ref _backupsCreated);
}
