using System.Collections.Concurrent;
using OciBackup.Emulator.Api;
using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator.Inventory;

/// <summary>
/// The emulator's state: the inventory, the backups created, and the retry tokens. Lookups by id are lock-free;
/// creates and list snapshots take one lock, which also makes "check the retry token, then create" atomic.
/// </summary>
internal sealed class BackupStore
{
    private readonly object _gate = new();
    private readonly EmulatorClock _clock;
    private readonly OcidGenerator _ids;
    private readonly RandomSource _random;
    private readonly FaultState _faults;
    private readonly EmulatorStatistics _counters;
    private readonly TimeSpan _duration;
    private readonly TimeSpan _jitter;
    private readonly TimeSpan _retryTokenLifetime;

    private readonly List<(string Name, string Id)> _compartments = new();
    private readonly ConcurrentDictionary<string, Volume> _volumes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, VolumeGroup> _volumeGroups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, VolumeBackup> _volumeBackups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, VolumeGroupBackup> _volumeGroupBackups = new(StringComparer.Ordinal);
    private readonly List<Volume> _volumeList = new();
    private readonly List<VolumeGroup> _volumeGroupList = new();
    private readonly Dictionary<string, List<VolumeBackup>> _volumeBackupsByCompartment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<VolumeGroupBackup>> _groupBackupsByCompartment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RetryTokenEntry> _retryTokens = new(StringComparer.Ordinal);
    private long _sequence;

    public BackupStore(EmulatorClock clock, OcidGenerator ids, RandomSource random, FaultState faults,
        EmulatorStatistics counters, TimeSpan duration, TimeSpan jitter, TimeSpan retryTokenLifetime)
    {
        _clock = clock;
        _ids = ids;
        _random = random;
        _faults = faults;
        _counters = counters;
        _duration = duration;
        _jitter = jitter;
        _retryTokenLifetime = retryTokenLifetime;
    }

    public OcidGenerator Ids => _ids;

    public IReadOnlyList<(string Name, string Id)> Compartments
    {
        get
        {
            lock (_gate)
            {
                return _compartments.ToList();
            }
        }
    }

    public IReadOnlyList<Volume> AllVolumes
    {
        get
        {
            lock (_gate)
            {
                return _volumeList.ToList();
            }
        }
    }

    public IReadOnlyList<VolumeGroup> AllVolumeGroups
    {
        get
        {
            lock (_gate)
            {
                return _volumeGroupList.ToList();
            }
        }
    }

    public void AddCompartment(string name, string id)
    {
        lock (_gate)
        {
            if (!_compartments.Any(c => c.Id == id))
            {
                _compartments.Add((name, id));
            }
        }
    }

    public void AddVolume(Volume volume)
    {
        lock (_gate)
        {
            if (!_volumes.TryAdd(volume.Id, volume))
            {
                throw new InvalidDataException($"Duplicate volume id {volume.Id} in the inventory.");
            }

            _volumeList.Add(volume);
        }
    }

    public void AddVolumeGroup(VolumeGroup group)
    {
        lock (_gate)
        {
            if (!_volumeGroups.TryAdd(group.Id, group))
            {
                throw new InvalidDataException($"Duplicate volume group id {group.Id} in the inventory.");
            }

            _volumeGroupList.Add(group);
        }
    }

    public Volume? FindVolume(string id) => _volumes.TryGetValue(id, out Volume? v) ? v : null;

    public VolumeGroup? FindVolumeGroup(string id) => _volumeGroups.TryGetValue(id, out VolumeGroup? g) ? g : null;

    public VolumeBackup? FindVolumeBackup(string id) => _volumeBackups.TryGetValue(id, out VolumeBackup? b) ? b : null;

    public VolumeGroupBackup? FindVolumeGroupBackup(string id) =>
        _volumeGroupBackups.TryGetValue(id, out VolumeGroupBackup? b) ? b : null;

    public List<Volume> VolumesIn(string compartmentId)
    {
        lock (_gate)
        {
            return _volumeList.Where(v => v.CompartmentId == compartmentId).ToList();
        }
    }

    public List<VolumeGroup> VolumeGroupsIn(string compartmentId)
    {
        lock (_gate)
        {
            return _volumeGroupList.Where(g => g.CompartmentId == compartmentId).ToList();
        }
    }

    public List<VolumeBackup> VolumeBackupsIn(string compartmentId)
    {
        lock (_gate)
        {
            return _volumeBackupsByCompartment.TryGetValue(compartmentId, out var list) ? list.ToList() : new List<VolumeBackup>();
        }
    }

    public List<VolumeGroupBackup> VolumeGroupBackupsIn(string compartmentId)
    {
        lock (_gate)
        {
            return _groupBackupsByCompartment.TryGetValue(compartmentId, out var list) ? list.ToList() : new List<VolumeGroupBackup>();
        }
    }

    public int VolumeBackupCount => _volumeBackups.Count;

    public int VolumeGroupBackupCount => _volumeGroupBackups.Count;

    public CreateOutcome<VolumeBackup> CreateVolumeBackup(CreateVolumeBackupDetails details, string? retryToken)
    {
        DateTimeOffset now = _clock.UtcNow;
        lock (_gate)
        {
            if (retryToken is not null && TryReplay(retryToken, details.CanonicalForm, now, out string? existingId, out ApiError? conflict))
            {
                return conflict is not null
                    ? CreateOutcome<VolumeBackup>.Failed(conflict)
                    : CreateOutcome<VolumeBackup>.Replayed(_volumeBackups[existingId!]);
            }

            Volume? volume = FindVolume(details.VolumeId);
            if (volume is null)
            {
                return CreateOutcome<VolumeBackup>.Failed(ApiError.NotFound());
            }

            if (volume.LifecycleState != "AVAILABLE")
            {
                return CreateOutcome<VolumeBackup>.Failed(new ApiError(409, "IncorrectState",
                    $"Volume {volume.Id} is {volume.LifecycleState}; a backup needs it AVAILABLE."));
            }

            string type = details.Type ?? "INCREMENTAL";
            VolumeBackup backup = NewVolumeBackup(volume, volume.CompartmentId,
                details.DisplayName ?? "volumebackup" + now.UtcDateTime.ToString("yyyyMMddHHmmss"),
                type, details.KmsKeyId, details.Tags, now, Timeline(now));
            Remember(retryToken, details.CanonicalForm, backup.Id, now);
            return CreateOutcome<VolumeBackup>.Created(backup);
        }
    }

    public CreateOutcome<VolumeGroupBackup> CreateVolumeGroupBackup(CreateVolumeGroupBackupDetails details, string? retryToken)
    {
        DateTimeOffset now = _clock.UtcNow;
        lock (_gate)
        {
            if (retryToken is not null && TryReplay(retryToken, details.CanonicalForm, now, out string? existingId, out ApiError? conflict))
            {
                return conflict is not null
                    ? CreateOutcome<VolumeGroupBackup>.Failed(conflict)
                    : CreateOutcome<VolumeGroupBackup>.Replayed(_volumeGroupBackups[existingId!]);
            }

            VolumeGroup? group = FindVolumeGroup(details.VolumeGroupId);
            if (group is null)
            {
                return CreateOutcome<VolumeGroupBackup>.Failed(ApiError.NotFound());
            }

            Volume? unavailable = group.Volumes.FirstOrDefault(v => v.LifecycleState != "AVAILABLE");
            if (unavailable is not null)
            {
                return CreateOutcome<VolumeGroupBackup>.Failed(new ApiError(409, "IncorrectState",
                    $"Volume {unavailable.Id} of the group is {unavailable.LifecycleState}; a backup needs it AVAILABLE."));
            }

            string compartmentId = details.CompartmentId ?? group.CompartmentId;
            string type = details.Type ?? "INCREMENTAL";
            string displayName = details.DisplayName ?? "volumegroupbackup" + now.UtcDateTime.ToString("yyyyMMddHHmmss");
            var members = new List<VolumeBackup>(group.Volumes.Count);
            foreach (Volume volume in group.Volumes)
            {
                members.Add(NewVolumeBackup(volume, compartmentId, displayName + " - " + volume.DisplayName, type, null,
                    Tags.Empty, now, Timeline(now)));
            }

            TimeSpan duration = members.Count == 0 ? _duration : members.Max(m => m.Timeline.Duration);
            bool faulty = members.Any(m => m.Timeline.EndsFaulty);
            var groupBackup = new VolumeGroupBackup(_ids.New("volumegroupbackup"), compartmentId, displayName, group, type,
                members, details.Tags, new BackupTimeline(now, duration, faulty), ++_sequence);
            _volumeGroupBackups[groupBackup.Id] = groupBackup;
            ListFor(_groupBackupsByCompartment, compartmentId).Add(groupBackup);
            group.CountGroupBackupCreated();
            Remember(retryToken, details.CanonicalForm, groupBackup.Id, now);
            return CreateOutcome<VolumeGroupBackup>.Created(groupBackup);
        }
    }

    private VolumeBackup NewVolumeBackup(Volume volume, string compartmentId, string displayName, string type,
        string? kmsKeyId, Tags tags, DateTimeOffset now, BackupTimeline timeline)
    {
        // The first backup of a volume, or a FULL one, holds every block; later incrementals hold a tenth.
        long unique = type == "FULL" || volume.BackupsCreated == 0 ? volume.SizeInGBs : Math.Max(1, volume.SizeInGBs / 10);
        var backup = new VolumeBackup(_ids.New("volumebackup"), compartmentId, displayName, volume, type, kmsKeyId, tags,
            timeline, unique, ++_sequence);
        _volumeBackups[backup.Id] = backup;
        ListFor(_volumeBackupsByCompartment, compartmentId).Add(backup);
        volume.CountBackupCreated();
        return backup;
    }

    private BackupTimeline Timeline(DateTimeOffset now)
    {
        TimeSpan duration = _jitter > TimeSpan.Zero ? _duration + _jitter * _random.NextDouble() : _duration;
        bool faulty = _random.Chance(_faults.Current.FaultyBackupShare);
        if (faulty)
        {
            _counters.CountFault(FaultKind.FaultyBackup);
        }

        return new BackupTimeline(now, duration, faulty);
    }

    private bool TryReplay(string token, string canonical, DateTimeOffset now, out string? resourceId, out ApiError? conflict)
    {
        resourceId = null;
        conflict = null;
        if (!_retryTokens.TryGetValue(token, out RetryTokenEntry? entry))
        {
            return false;
        }

        if (now >= entry.ExpiresAt)
        {
            _retryTokens.Remove(token);
            return false;
        }

        if (entry.CanonicalRequest != canonical)
        {
            conflict = new ApiError(409, "Conflict",
                "The opc-retry-token was already used with a different request; use a new token for a new request.");
            return true;
        }

        resourceId = entry.ResourceId;
        return true;
    }

    private void Remember(string? token, string canonical, string resourceId, DateTimeOffset now)
    {
        if (token is null)
        {
            return;
        }

        if (_retryTokens.Count > 100_000)
        {
            foreach (string expired in _retryTokens.Where(e => now >= e.Value.ExpiresAt).Select(e => e.Key).ToList())
            {
                _retryTokens.Remove(expired);
            }
        }

        _retryTokens[token] = new RetryTokenEntry(canonical, resourceId, now + _retryTokenLifetime);
    }

    private static List<T> ListFor<T>(Dictionary<string, List<T>> map, string key)
    {
        if (!map.TryGetValue(key, out List<T>? list))
        {
            list = new List<T>();
            map[key] = list;
        }

        return list;
    }
}
