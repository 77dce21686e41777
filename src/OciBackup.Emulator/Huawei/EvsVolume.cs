namespace OciBackup.Emulator.Huawei;

/// <summary>An EVS disk of the emulator's Huawei inventory, with how many VBS backups were made of it.</summary>
internal sealed class EvsVolume
{
    private long _backupsCreated;

    public EvsVolume(string id, string name, int sizeInGb)
    {
        Id = id;
        Name = name;
        SizeInGb = sizeInGb;
    }

    public string Id { get; }

    public string Name { get; }

    public int SizeInGb { get; }

    /// <summary>VBS creates performed for it (each made a job and a backup): "exactly once" is this being 1.</summary>
    public long BackupsCreated => Interlocked.Read(ref _backupsCreated);

    public void CountBackup() => Interlocked.Increment(ref _backupsCreated);
}
