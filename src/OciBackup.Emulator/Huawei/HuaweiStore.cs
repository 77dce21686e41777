using System.Globalization;
using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator.Huawei;

/// <summary>
/// The Huawei inventory and everything made in it: EVS disks and the VBS jobs and backups made of them, RDS instances
/// and their backups. Thread-safe; lifecycles are computed from the clock when read.
/// </summary>
internal sealed class HuaweiStore
{
    private readonly object _gate = new();
    private readonly RandomSource _random;
    private readonly Dictionary<string, EvsVolume> _volumes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RdsInstance> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VbsJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VbsJob> _jobsByBackup = new(StringComparer.Ordinal);
    private readonly List<VbsJob> _jobOrder = new();
    private readonly List<RdsBackup> _rdsBackups = new();

    public HuaweiStore(string region, string projectId, RandomSource random)
    {
        Region = region;
        ProjectId = projectId;
        _random = random;
    }

    public string Region { get; }

    public string ProjectId { get; }

    public string AvailabilityZone => Region + "a";

    public IReadOnlyList<EvsVolume> Volumes
    {
        get
        {
            lock (_gate)
            {
                return _volumes.Values.ToList();
            }
        }
    }

    public IReadOnlyList<RdsInstance> Instances
    {
        get
        {
            lock (_gate)
            {
                return _instances.Values.ToList();
            }
        }
    }

    public int JobCount
    {
        get
        {
            lock (_gate)
            {
                return _jobs.Count;
            }
        }
    }

    public int RdsBackupCount
    {
        get
        {
            lock (_gate)
            {
                return _rdsBackups.Count;
            }
        }
    }

    public static string Hex32(RandomSource random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    public static string Uuid(RandomSource random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        string hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    public void Populate(int volumes, int instances)
    {
        string[] engines = { "MySQL", "PostgreSQL", "SQLServer" };
        string[] versions = { "8.0", "14", "2019_SE" };
        lock (_gate)
        {
            for (int i = 0; i < volumes; i++)
            {
                var volume = new EvsVolume(Uuid(_random), "disk-" + (i + 1).ToString("D3", CultureInfo.InvariantCulture), 40 + 10 * (i % 10));
                _volumes.Add(volume.Id, volume);
            }

            for (int i = 0; i < instances; i++)
            {
                var instance = new RdsInstance(Hex32(_random) + "in01", "rds-" + (i + 1).ToString("D3", CultureInfo.InvariantCulture), engines[i % 3], versions[i % 3]);
                _instances.Add(instance.Id, instance);
            }
        }
    }

    public EvsVolume? FindVolume(string id)
    {
        lock (_gate)
        {
            return _volumes.GetValueOrDefault(id);
        }
    }

    public RdsInstance? FindInstance(string id)
    {
        lock (_gate)
        {
            return _instances.GetValueOrDefault(id);
        }
    }

    public VbsJob? FindJob(string id)
    {
        lock (_gate)
        {
            return _jobs.GetValueOrDefault(id);
        }
    }

    public VbsJob? FindJobOfBackup(string backupId)
    {
        lock (_gate)
        {
            return _jobsByBackup.GetValueOrDefault(backupId);
        }
    }

    /// <summary>Every job whose backup exists by <paramref name="now"/>, oldest first.</summary>
    public IReadOnlyList<VbsJob> JobsWithBackups(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _jobOrder.Where(j => j.BackupExists(now)).ToList();
        }
    }

    public VbsJob AddJob(EvsVolume volume, string name, string? description, string? snapshotId, IReadOnlyList<(string Key, string Value)> tags, bool full,
        DateTimeOffset now, TimeSpan startDuration, TimeSpan backupDuration, bool fails)
    {
        lock (_gate)
        {
            bool incremental = !full && _jobOrder.Any(j => j.Volume == volume && !j.Fails && j.DoneAt <= now);
            DateTimeOffset runningAt = now + startDuration;
            var job = new VbsJob(Hex32(_random), Uuid(_random), volume, name, description, snapshotId, tags, full, incremental, now, runningAt, runningAt + backupDuration, fails);
            _jobs.Add(job.Id, job);
            _jobsByBackup.Add(job.BackupId, job);
            _jobOrder.Add(job);
            volume.CountBackup();
            return job;
        }
    }

    public IReadOnlyList<RdsBackup> BackupsOf(RdsInstance instance)
    {
        lock (_gate)
        {
            return _rdsBackups.Where(b => b.Instance == instance).ToList();
        }
    }

    /// <summary>Makes a manual backup, or returns the one that already has the name on the instance (names are unique per instance).</summary>
    public RdsBackup AddRdsBackup(RdsInstance instance, string name, string? description, IReadOnlyList<string>? databases, DateTimeOffset now, TimeSpan duration, bool fails,
        out RdsBackup? nameTakenBy)
    {
        lock (_gate)
        {
            nameTakenBy = _rdsBackups.FirstOrDefault(b => b.Instance == instance && string.Equals(b.Name, name, StringComparison.Ordinal));
            if (nameTakenBy is not null)
            {
                return nameTakenBy;
            }

            var backup = new RdsBackup(Hex32(_random) + "br01", instance, name, description, databases, now, now + duration, fails);
            _rdsBackups.Add(backup);
            instance.CountBackup();
            return backup;
        }
    }
}
