using System.Collections.Concurrent;
using OciBackup.Emulator.Api;
using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator.Inventory;

/// <summary>
/// The emulator's state in every region: compartments (global), volumes, volume groups, backups, work requests, and
/// the retry tokens. Every resource but a compartment lives in one region; a lookup in another region finds nothing,
/// as OCI answers 404 there. Lookups by id are lock-free; writes and list snapshots take one lock, which also makes
/// "check the retry token, then create" and "check the state, then delete or copy" atomic.
/// </summary>
internal sealed class BackupStore
{
    private static readonly string[] DeletableStates = { "AVAILABLE", "FAULTY" };

    private readonly object _gate = new();
    private readonly EmulatorClock _clock;
    private readonly OcidGenerator _ids;
    private readonly RandomSource _random;
    private readonly FaultState _faults;
    private readonly EmulatorStatistics _counters;
    private readonly LifecycleDurations _durations;
    private readonly RetryTokens _retryTokens;

    private readonly List<string> _regions;
    private readonly Dictionary<string, List<string>> _availabilityDomains = new(StringComparer.Ordinal);
    private readonly List<Compartment> _compartments = new();
    private readonly ConcurrentDictionary<string, Compartment> _compartmentsById = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Volume> _volumes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, VolumeGroup> _volumeGroups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, VolumeBackup> _volumeBackups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, VolumeGroupBackup> _volumeGroupBackups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WorkRequest> _workRequests = new(StringComparer.Ordinal);
    private readonly List<Volume> _volumeList = new();
    private readonly List<VolumeGroup> _volumeGroupList = new();
    private readonly Dictionary<(string Region, string CompartmentId), List<VolumeBackup>> _volumeBackupsByCompartment = new();
    private readonly Dictionary<(string Region, string CompartmentId), List<VolumeGroupBackup>> _groupBackupsByCompartment = new();
    private long _sequence;

    public BackupStore(IReadOnlyList<string> regions, EmulatorClock clock, OcidGenerator ids, RandomSource random, FaultState faults,
        EmulatorStatistics counters, LifecycleDurations durations, TimeSpan retryTokenLifetime)
    {
        _regions = regions.ToList();
        foreach (string region in _regions)
        {
            _availabilityDomains[region] = AvailabilityDomainNames.For(region).ToList();
        }

        _clock = clock;
        _ids = ids;
        _random = random;
        _faults = faults;
        _counters = counters;
        _durations = durations;
        _retryTokens = new RetryTokens(retryTokenLifetime);
    }

    public OcidGenerator Ids => _ids;

    /// <summary>The regions served, the first being the home region.</summary>
    public IReadOnlyList<string> Regions => _regions;

    public string HomeRegion => _regions[0];

    /// <summary>The tenancy the compartments hang under (set once the host knows it).</summary>
    public string TenancyId { get; set; } = OcidGenerator.TenancyIdFor("emulator");

    public bool Serves(string region) => _availabilityDomains.ContainsKey(region);

    public IReadOnlyList<Compartment> Compartments => Snapshot(_compartments);

    public IReadOnlyList<Volume> AllVolumes => Snapshot(_volumeList);

    public IReadOnlyList<VolumeGroup> AllVolumeGroups => Snapshot(_volumeGroupList);

    public IReadOnlyList<VolumeBackup> AllVolumeBackups => _volumeBackups.Values.ToList();

    public IReadOnlyList<VolumeGroupBackup> AllVolumeGroupBackups => _volumeGroupBackups.Values.ToList();

    public IReadOnlyList<string> AvailabilityDomains(string region)
    {
        lock (_gate)
        {
            return _availabilityDomains[region].ToList();
        }
    }

    public void AddCompartment(Compartment compartment)
    {
        lock (_gate)
        {
            if (_compartmentsById.TryAdd(compartment.Id, compartment))
            {
                _compartments.Add(compartment);
            }
        }
    }

    public void AddVolume(Volume volume)
    {
        lock (_gate)
        {
            CheckRegion(volume.Region);
            if (!_volumes.TryAdd(volume.Id, volume))
            {
                throw new InvalidDataException($"Duplicate volume id {volume.Id} in the inventory.");
            }

            _volumeList.Add(volume);
            KnowAvailabilityDomain(volume.Region, volume.AvailabilityDomain);
        }
    }

    public void AddVolumeGroup(VolumeGroup group)
    {
        lock (_gate)
        {
            CheckRegion(group.Region);
            if (!_volumeGroups.TryAdd(group.Id, group))
            {
                throw new InvalidDataException($"Duplicate volume group id {group.Id} in the inventory.");
            }

            _volumeGroupList.Add(group);
            KnowAvailabilityDomain(group.Region, group.AvailabilityDomain);
        }
    }

    public Compartment? FindCompartment(string id) => _compartmentsById.TryGetValue(id, out Compartment? c) ? c : null;

    /// <summary>A volume in any region (admin counters).</summary>
    public Volume? FindVolume(string id) => _volumes.TryGetValue(id, out Volume? v) ? v : null;

    public Volume? FindVolume(string region, string id) => FindVolume(id) is { } v && v.Region == region ? v : null;

    public VolumeGroup? FindVolumeGroup(string id) => _volumeGroups.TryGetValue(id, out VolumeGroup? g) ? g : null;

    public VolumeGroup? FindVolumeGroup(string region, string id) => FindVolumeGroup(id) is { } g && g.Region == region ? g : null;

    /// <summary>A backup of either kind in any region, gone or not (admin counters).</summary>
    public Backup? FindBackup(string id) =>
        _volumeBackups.TryGetValue(id, out VolumeBackup? b) ? b : _volumeGroupBackups.TryGetValue(id, out VolumeGroupBackup? g) ? g : null;

    public VolumeBackup? FindVolumeBackup(string region, string id) =>
        _volumeBackups.TryGetValue(id, out VolumeBackup? b) && b.Region == region && !b.IsGone(_clock.UtcNow) ? b : null;

    public VolumeGroupBackup? FindVolumeGroupBackup(string region, string id) =>
        _volumeGroupBackups.TryGetValue(id, out VolumeGroupBackup? b) && b.Region == region && !b.IsGone(_clock.UtcNow) ? b : null;

    public WorkRequest? FindWorkRequest(string region, string id) =>
        _workRequests.TryGetValue(id, out WorkRequest? w) && w.Region == region ? w : null;

    /// <summary>The volumes of a region, of one compartment or (null) of all.</summary>
    public List<Volume> VolumesIn(string region, string? compartmentId)
    {
        lock (_gate)
        {
            return _volumeList.Where(v => v.Region == region && (compartmentId is null || v.CompartmentId == compartmentId)).ToList();
        }
    }

    public List<VolumeGroup> VolumeGroupsIn(string region, string compartmentId)
    {
        lock (_gate)
        {
            return _volumeGroupList.Where(g => g.Region == region && g.CompartmentId == compartmentId).ToList();
        }
    }

    public List<VolumeBackup> VolumeBackupsIn(string region, string compartmentId)
    {
        DateTimeOffset now = _clock.UtcNow;
        lock (_gate)
        {
            return _volumeBackupsByCompartment.TryGetValue((region, compartmentId), out var list)
                ? list.Where(b => !b.IsGone(now)).ToList()
                : new List<VolumeBackup>();
        }
    }

    public List<VolumeGroupBackup> VolumeGroupBackupsIn(string region, string compartmentId)
    {
        DateTimeOffset now = _clock.UtcNow;
        lock (_gate)
        {
            return _groupBackupsByCompartment.TryGetValue((region, compartmentId), out var list)
                ? list.Where(b => !b.IsGone(now)).ToList()
                : new List<VolumeGroupBackup>();
        }
    }

    public int VolumeBackupCount => _volumeBackups.Count;

    public int VolumeGroupBackupCount => _volumeGroupBackups.Count;

    public CreateOutcome<VolumeBackup> CreateVolumeBackup(string region, CreateVolumeBackupDetails details, string? retryToken) =>
        Make(region, retryToken, details.CanonicalForm, _volumeBackups, b => b.Id, now =>
        {
            Volume? volume = FindVolume(region, details.VolumeId);
            if (volume is null)
            {
                return CreateOutcome<VolumeBackup>.Failed(ApiError.NotFound());
            }

            if (NotAvailable(volume, now) is { } busy)
            {
                return CreateOutcome<VolumeBackup>.Failed(busy);
            }

            return CreateOutcome<VolumeBackup>.Created(NewVolumeBackup(volume, volume.CompartmentId,
                details.DisplayName ?? "volumebackup" + now.UtcDateTime.ToString("yyyyMMddHHmmss"),
                details.Type ?? "INCREMENTAL", details.KmsKeyId, details.Tags, Timeline(now, _durations.Backup)));
        });

    public CreateOutcome<VolumeGroupBackup> CreateVolumeGroupBackup(string region, CreateVolumeGroupBackupDetails details, string? retryToken) =>
        Make(region, retryToken, details.CanonicalForm, _volumeGroupBackups, b => b.Id, now =>
        {
            VolumeGroup? group = FindVolumeGroup(region, details.VolumeGroupId);
            if (group is null)
            {
                return CreateOutcome<VolumeGroupBackup>.Failed(ApiError.NotFound());
            }

            if (NotAvailable(group, now) is { } busy)
            {
                return CreateOutcome<VolumeGroupBackup>.Failed(busy);
            }

            string compartmentId = details.CompartmentId ?? group.CompartmentId;
            string type = details.Type ?? "INCREMENTAL";
            string displayName = details.DisplayName ?? "volumegroupbackup" + now.UtcDateTime.ToString("yyyyMMddHHmmss");
            var members = group.Volumes
                .Select(volume => NewVolumeBackup(volume, compartmentId, displayName + " - " + volume.DisplayName, type, null, Tags.Empty,
                    Timeline(now, _durations.Backup)))
                .ToList();
            VolumeGroupBackup groupBackup = AddGroupBackup(new VolumeGroupBackup(_ids.New("volumegroupbackup", region), region, compartmentId,
                displayName, group, type, members, details.Tags, GroupTimeline(now, members), ++_sequence));
            group.CountGroupBackupCreated();
            return CreateOutcome<VolumeGroupBackup>.Created(groupBackup);
        });

    /// <summary>
    /// CopyVolumeBackup, called at the source region: the copy is created in the destination region with the source's
    /// compartment, type and tags, and goes through a backup's lifecycle there. A work request in the source region
    /// tracks it.
    /// </summary>
    public CreateOutcome<VolumeBackup> CopyVolumeBackup(string region, string sourceId, CopyBackupDetails details, string? retryToken) =>
        Copy(region, FindVolumeBackup(region, sourceId), details, retryToken, _volumeBackups, (source, now) =>
        {
            VolumeBackup copy = NewCopy(source, details.DestinationRegion, details.DisplayName ?? source.DisplayName, details.KmsKeyId,
                Timeline(now, _durations.Copy), _ids.New("coreservicesworkrequest", region));
            _workRequests[copy.WorkRequestId!] = new WorkRequest(copy.WorkRequestId!, region, "CopyVolumeBackup", copy);
            return copy;
        });

    /// <summary>CopyVolumeGroupBackup: the group backup and a copy of each member, in the destination region.</summary>
    public CreateOutcome<VolumeGroupBackup> CopyVolumeGroupBackup(string region, string sourceId, CopyBackupDetails details, string? retryToken) =>
        Copy(region, FindVolumeGroupBackup(region, sourceId), details, retryToken, _volumeGroupBackups, (source, now) =>
        {
            string destination = details.DestinationRegion;
            var members = source.Members
                .Select(m => NewCopy(m, destination, m.DisplayName, details.KmsKeyId, Timeline(now, _durations.Copy), workRequestId: null))
                .ToList();
            BackupTimeline timeline = GroupTimeline(now, members);
            source.CountCopy(timeline.CompletesAt);
            return AddGroupBackup(new VolumeGroupBackup(_ids.New("volumegroupbackup", destination), destination, source.CompartmentId,
                details.DisplayName ?? source.DisplayName, source.VolumeGroup, source.Type, members, source.Tags, timeline, ++_sequence)
            {
                SourceBackupId = source.Id,
            });
        });

    /// <summary>
    /// DeleteVolumeBackup: an AVAILABLE or FAULTY backup that no copy is being made from becomes TERMINATING. Null when
    /// deleted, else why not (404 gone or unknown, 412 etag, 409 state, or a member of a group backup).
    /// </summary>
    public ApiError? DeleteVolumeBackup(string region, string id, string? ifMatch) =>
        Delete(() => FindVolumeBackup(region, id), ifMatch, (backup, now) =>
            backup.GroupBackup is { } group && !group.IsGone(now) && group.Deletion is null
                ? new ApiError(409, "IncorrectState", $"Volume backup {id} is a member of volume group backup {group.Id}; delete the volume group backup instead.")
                : null);

    /// <summary>DeleteVolumeGroupBackup: the group backup and every member backup become TERMINATING.</summary>
    public ApiError? DeleteVolumeGroupBackup(string region, string id, string? ifMatch) =>
        Delete(() => FindVolumeGroupBackup(region, id), ifMatch, (backup, now) => backup.Members.Select(m => CopyRunning(m, now)).FirstOrDefault(e => e is not null),
            backup => backup.Members.Where(m => m.Deletion is null));

    /// <summary>CreateVolume: a blank volume, or one restored from an AVAILABLE volume backup of the same region.</summary>
    public CreateOutcome<Volume> CreateVolume(string region, CreateVolumeDetails details, string? retryToken) =>
        Make(region, retryToken, details.CanonicalForm, _volumes, v => v.Id, now =>
        {
            if (UnknownAvailabilityDomain(region, details.AvailabilityDomain) is { } badDomain)
            {
                return CreateOutcome<Volume>.Failed(badDomain);
            }

            VolumeBackup? source = null;
            if (details.VolumeBackupId is string backupId)
            {
                source = FindVolumeBackup(region, backupId);
                if (RestoreRefused(source, now) is { } refused)
                {
                    return CreateOutcome<Volume>.Failed(refused);
                }

                if (details.SizeInGBs < source!.SizeInGBs)
                {
                    return CreateOutcome<Volume>.Failed(ApiError.InvalidParameter("sizeInGBs",
                        $"must be at least the backup's size ({source.SizeInGBs} GB)."));
                }
            }

            Volume volume = NewVolume(region, details.CompartmentId, details.AvailabilityDomain,
                details.DisplayName ?? "volume" + now.UtcDateTime.ToString("yyyyMMddHHmmss"),
                details.SizeInGBs ?? source?.SizeInGBs ?? CreateDetailsParser.BlankVolumeSizeInGBs,
                details.Tags ?? source?.Volume.Tags ?? Tags.Empty, source, now, details.VpusPerGB ?? 10, details.KmsKeyId);
            source?.CountRestore();
            return CreateOutcome<Volume>.Created(volume);
        });

    /// <summary>CreateVolumeGroup from a volume group backup: a new group of new volumes, each restored from a member backup.</summary>
    public CreateOutcome<VolumeGroup> CreateVolumeGroup(string region, CreateVolumeGroupDetails details, string? retryToken) =>
        Make(region, retryToken, details.CanonicalForm, _volumeGroups, g => g.Id, now =>
        {
            if (UnknownAvailabilityDomain(region, details.AvailabilityDomain) is { } badDomain)
            {
                return CreateOutcome<VolumeGroup>.Failed(badDomain);
            }

            VolumeGroupBackup? source = FindVolumeGroupBackup(region, details.VolumeGroupBackupId);
            if (RestoreRefused(source, now) is { } refused)
            {
                return CreateOutcome<VolumeGroup>.Failed(refused);
            }

            var members = source!.Members
                .Select(m => NewVolume(region, details.CompartmentId, details.AvailabilityDomain, m.Volume.DisplayName, m.SizeInGBs,
                    m.Volume.Tags, m, now, 10, null))
                .ToList();
            var group = new VolumeGroup(_ids.New("volumegroup", region), region, details.CompartmentId,
                details.DisplayName ?? "volumegroup" + now.UtcDateTime.ToString("yyyyMMddHHmmss"), details.AvailabilityDomain, members, now,
                details.Tags ?? source.Tags)
            {
                SourceBackup = source,
            };
            foreach (Volume member in members)
            {
                member.VolumeGroupId = group.Id;
                member.SourceBackup!.CountRestore();
            }

            _volumeGroups[group.Id] = group;
            _volumeGroupList.Add(group);
            source.CountRestore();
            return CreateOutcome<VolumeGroup>.Created(group);
        });

    /// <summary>
    /// Every write that makes something: under the lock, a repeated retry token answers the first result (or 409 for
    /// another request); otherwise <paramref name="make"/> runs and, when it made something, the token remembers it.
    /// </summary>
    private CreateOutcome<T> Make<T>(string region, string? retryToken, string canonical, ConcurrentDictionary<string, T> made, Func<T, string> idOf,
        Func<DateTimeOffset, CreateOutcome<T>> make)
        where T : class
    {
        DateTimeOffset now = _clock.UtcNow;
        lock (_gate)
        {
            if (retryToken is not null && _retryTokens.TryReplay(region, retryToken, canonical, now, out string? existingId, out ApiError? conflict))
            {
                return conflict is not null ? CreateOutcome<T>.Failed(conflict) : CreateOutcome<T>.Replayed(made[existingId!]);
            }

            CreateOutcome<T> outcome = make(now);
            if (outcome.Resource is { } resource)
            {
                _retryTokens.Remember(region, retryToken, canonical, idOf(resource), now);
            }

            return outcome;
        }
    }

    /// <summary>Both copies: the source must be found in the called region, AVAILABLE, and go to another region the emulator serves.</summary>
    private CreateOutcome<T> Copy<T>(string region, T? source, CopyBackupDetails details, string? retryToken, ConcurrentDictionary<string, T> made,
        Func<T, DateTimeOffset, T> copy)
        where T : Backup =>
        Make(region, retryToken, details.CanonicalForm, made, b => b.Id, now =>
            source is null ? CreateOutcome<T>.Failed(ApiError.NotFound())
            : CopyRefused(source, region, details, now) is { } refused ? CreateOutcome<T>.Failed(refused)
            : CreateOutcome<T>.Created(copy(source, now)));

    /// <summary>
    /// Both deletes, under the lock: the backup (and <paramref name="alongside"/>, a group backup's members) become
    /// TERMINATING unless <see cref="DeleteRefused"/> or the kind's own <paramref name="refused"/> says why not.
    /// </summary>
    private ApiError? Delete<T>(Func<T?> find, string? ifMatch, Func<T, DateTimeOffset, ApiError?> refused, Func<T, IEnumerable<Backup>>? alongside = null)
        where T : Backup
    {
        DateTimeOffset now = _clock.UtcNow;
        lock (_gate)
        {
            T? backup = find();
            if (backup is null)
            {
                return ApiError.NotFound();
            }

            if ((DeleteRefused(backup, ifMatch, now) ?? refused(backup, now)) is { } error)
            {
                return error;
            }

            DeletionTimeline deletion = NewDeletion(now);
            backup.MarkDeleted(deletion);
            foreach (Backup other in alongside?.Invoke(backup) ?? Enumerable.Empty<Backup>())
            {
                other.MarkDeleted(deletion);
            }

            return null;
        }
    }

    /// <summary>A backdated volume backup of a volume, as a seed file or the admin endpoint gives it; throws <see cref="InvalidDataException"/> when the seed is wrong.</summary>
    public VolumeBackup AddSeededVolumeBackup(Volume volume, SeedVolumeBackup seed)
    {
        DateTimeOffset now = _clock.UtcNow;
        lock (_gate)
        {
            SeededBackup settled = SeededBackup.From(seed, SeededBackup.VolumeBackupStates, now);
            string region = seed.Region ?? volume.Region;
            if (!Serves(region))
            {
                throw new InvalidDataException($"region '{region}' is not one the emulator serves ({string.Join(", ", _regions)}).");
            }

            VolumeBackup backup = AddSeeded(volume, region, volume.CompartmentId, seed.DisplayName ?? "volumebackup" + settled.Time.UtcDateTime.ToString("yyyyMMddHHmmss"),
                settled, seed.KmsKeyId, Tags.From(seed.FreeformTags, seed.DefinedTags), settled.PinnedState);
            return backup;
        }
    }

    /// <summary>A backdated volume group backup with a member backup of each volume, in the matching state.</summary>
    public VolumeGroupBackup AddSeededVolumeGroupBackup(VolumeGroup group, SeedVolumeGroupBackup seed)
    {
        DateTimeOffset now = _clock.UtcNow;
        lock (_gate)
        {
            SeededBackup settled = SeededBackup.From(seed, SeededBackup.VolumeGroupBackupStates, now);
            string displayName = seed.DisplayName ?? "volumegroupbackup" + settled.Time.UtcDateTime.ToString("yyyyMMddHHmmss");
            var members = group.Volumes
                .Select(v => AddSeeded(v, group.Region, group.CompartmentId, displayName + " - " + v.DisplayName, settled, null, Tags.Empty,
                    SeededBackup.MemberState(settled.PinnedState)))
                .ToList();
            return AddGroupBackup(new VolumeGroupBackup(_ids.New("volumegroupbackup", group.Region), group.Region, group.CompartmentId,
                displayName, group, settled.Type, members, Tags.From(seed.FreeformTags, seed.DefinedTags), settled.Timeline, ++_sequence)
            {
                SourceType = settled.SourceType,
                ExpirationTime = seed.ExpirationTime,
                PinnedState = settled.PinnedState,
            });
        }
    }

    private VolumeBackup AddSeeded(Volume volume, string region, string compartmentId, string displayName, SeededBackup settled, string? kmsKeyId, Tags tags, string? pinnedState)
    {
        long unique = settled.Type == "FULL" ? volume.SizeInGBs : Math.Max(1, volume.SizeInGBs / 10);
        var backup = new VolumeBackup(_ids.New("volumebackup", region), region, compartmentId, displayName, volume, settled.Type,
            kmsKeyId, tags, settled.Timeline, volume.SizeInGBs, unique, ++_sequence)
        {
            SourceType = settled.SourceType,
            ExpirationTime = settled.ExpirationTime,
            PinnedState = pinnedState,
        };
        AddVolumeBackup(backup);
        return backup;
    }

    private VolumeBackup NewVolumeBackup(Volume volume, string compartmentId, string displayName, string type,
        string? kmsKeyId, Tags tags, BackupTimeline timeline)
    {
        // The first backup of a volume, or a FULL one, holds every block; later incrementals hold a tenth.
        long unique = type == "FULL" || volume.BackupsCreated == 0 ? volume.SizeInGBs : Math.Max(1, volume.SizeInGBs / 10);
        var backup = new VolumeBackup(_ids.New("volumebackup", volume.Region), volume.Region, compartmentId, displayName, volume, type, kmsKeyId,
            tags, timeline, volume.SizeInGBs, unique, ++_sequence);
        AddVolumeBackup(backup);
        volume.CountBackupCreated();
        return backup;
    }

    /// <summary>A copy holds every block in its new region, so its unique size is its whole size.</summary>
    private VolumeBackup NewCopy(VolumeBackup source, string destination, string displayName, string? kmsKeyId, BackupTimeline timeline,
        string? workRequestId)
    {
        var copy = new VolumeBackup(_ids.New("volumebackup", destination), destination, source.CompartmentId, displayName, source.Volume,
            source.Type, kmsKeyId, source.Tags, timeline, source.SizeInGBs, source.SizeInGBs, ++_sequence)
        {
            SourceBackupId = source.Id,
            WorkRequestId = workRequestId,
        };
        AddVolumeBackup(copy);
        source.CountCopy(timeline.CompletesAt);
        return copy;
    }

    private Volume NewVolume(string region, string compartmentId, string availabilityDomain, string displayName, long sizeInGBs, Tags tags,
        VolumeBackup? source, DateTimeOffset now, long vpusPerGB, string? kmsKeyId)
    {
        var volume = new Volume(_ids.New("volume", region), region, compartmentId, displayName, availabilityDomain, sizeInGBs, "AVAILABLE", now, tags)
        {
            VpusPerGB = vpusPerGB,
            KmsKeyId = kmsKeyId,
            SourceBackup = source,
            Provisioning = new ProvisioningTimeline(now, _durations.Restore, source is null ? TimeSpan.Zero : _durations.Hydration),
        };
        _volumes[volume.Id] = volume;
        _volumeList.Add(volume);
        return volume;
    }

    private void AddVolumeBackup(VolumeBackup backup)
    {
        _volumeBackups[backup.Id] = backup;
        ListFor(_volumeBackupsByCompartment, (backup.Region, backup.CompartmentId)).Add(backup);
    }

    private VolumeGroupBackup AddGroupBackup(VolumeGroupBackup groupBackup)
    {
        foreach (VolumeBackup member in groupBackup.Members)
        {
            member.GroupBackup = groupBackup;
        }

        _volumeGroupBackups[groupBackup.Id] = groupBackup;
        ListFor(_groupBackupsByCompartment, (groupBackup.Region, groupBackup.CompartmentId)).Add(groupBackup);
        return groupBackup;
    }

    private BackupTimeline Timeline(DateTimeOffset now, TimeSpan duration)
    {
        TimeSpan total = _durations.BackupJitter > TimeSpan.Zero ? duration + _durations.BackupJitter * _random.NextDouble() : duration;
        bool faulty = _random.Chance(_faults.Current.FaultyBackupShare);
        if (faulty)
        {
            _counters.CountFault(FaultKind.FaultyBackup);
        }

        return new BackupTimeline(now, total, faulty);
    }

    /// <summary>A group backup takes as long as its slowest member and is FAULTY if any member is.</summary>
    private BackupTimeline GroupTimeline(DateTimeOffset now, IReadOnlyList<VolumeBackup> members) =>
        new(now, members.Count == 0 ? _durations.Backup : members.Max(m => m.Timeline.Duration), members.Any(m => m.Timeline.EndsFaulty));

    private DeletionTimeline NewDeletion(DateTimeOffset now) => new(now, _durations.Delete, _durations.TerminatedRetention);

    private ApiError? CopyRefused(Backup source, string region, CopyBackupDetails details, DateTimeOffset now)
    {
        if (details.DestinationRegion == region)
        {
            return ApiError.InvalidParameter("destinationRegion", $"must be another region than the source's ({region}).");
        }

        if (!Serves(details.DestinationRegion))
        {
            return ApiError.InvalidParameter("destinationRegion",
                $"'{details.DestinationRegion}' is not a region of this tenancy (the emulator serves {string.Join(", ", _regions)}).");
        }

        string state = source.LifecycleState(now);
        return state == "AVAILABLE"
            ? null
            : new ApiError(409, "IncorrectState", $"Backup {source.Id} is {state}; only an AVAILABLE backup can be copied.");
    }

    private static ApiError? DeleteRefused(Backup backup, string? ifMatch, DateTimeOffset now)
    {
        string state = backup.LifecycleState(now);
        if (ifMatch is not null && ifMatch != "*" && ifMatch != ETag.For(backup.Id, state))
        {
            return new ApiError(412, "NoEtagMatch", "The if-match etag does not match the backup's current etag.");
        }

        if (state == "TERMINATED")
        {
            return ApiError.NotFound();
        }

        if (!DeletableStates.Contains(state))
        {
            return new ApiError(409, "IncorrectState", $"Backup {backup.Id} is {state}; only an AVAILABLE or FAULTY backup can be deleted.");
        }

        return CopyRunning(backup, now);
    }

    private static ApiError? CopyRunning(Backup backup, DateTimeOffset now) =>
        now < backup.CopyingUntil
            ? new ApiError(409, "IncorrectState", $"Backup {backup.Id} is being copied to another region; delete it once the copy is done.")
            : null;

    private static ApiError? RestoreRefused(Backup? source, DateTimeOffset now)
    {
        if (source is null)
        {
            return ApiError.NotFound();
        }

        string state = source.LifecycleState(now);
        return state == "AVAILABLE"
            ? null
            : new ApiError(409, "IncorrectState", $"Backup {source.Id} is {state}; only an AVAILABLE backup can be restored.");
    }

    private static ApiError? NotAvailable(Volume volume, DateTimeOffset now)
    {
        string state = volume.LifecycleState(now);
        return state == "AVAILABLE"
            ? null
            : new ApiError(409, "IncorrectState", $"Volume {volume.Id} is {state}; a backup needs it AVAILABLE.");
    }

    private static ApiError? NotAvailable(VolumeGroup group, DateTimeOffset now)
    {
        Volume? unavailable = group.Volumes.FirstOrDefault(v => v.LifecycleState(now) != "AVAILABLE");
        return unavailable is null
            ? null
            : new ApiError(409, "IncorrectState",
                $"Volume {unavailable.Id} of the group is {unavailable.LifecycleState(now)}; a backup needs it AVAILABLE.");
    }

    private ApiError? UnknownAvailabilityDomain(string region, string availabilityDomain) =>
        _availabilityDomains[region].Contains(availabilityDomain, StringComparer.Ordinal)
            ? null
            : ApiError.InvalidParameter("availabilityDomain",
                $"'{availabilityDomain}' is not an availability domain of {region} ({string.Join(", ", _availabilityDomains[region])}).");

    private void KnowAvailabilityDomain(string region, string availabilityDomain)
    {
        List<string> known = _availabilityDomains[region];
        if (!known.Contains(availabilityDomain, StringComparer.Ordinal))
        {
            known.Add(availabilityDomain);
        }
    }

    private void CheckRegion(string region)
    {
        if (!Serves(region))
        {
            throw new InvalidDataException($"Region '{region}' is not one the emulator serves ({string.Join(", ", _regions)}).");
        }
    }

    private IReadOnlyList<T> Snapshot<T>(List<T> list)
    {
        lock (_gate)
        {
            return list.ToList();
        }
    }

    private static List<T> ListFor<TKey, T>(Dictionary<TKey, List<T>> map, TKey key)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out List<T>? list))
        {
            list = new List<T>();
            map[key] = list;
        }

        return list;
    }
}
