using System.Collections.Concurrent;
using OciBackup.Emulator.Inventory;

namespace OciBackup.Emulator;

/// <summary>
/// Counters tests read to prove what happened: requests (by operation and region), refused signatures, faults
/// injected, backups created per volume and volume group ("no duplicates" is <c>VolumeBackupsCreated(id) == 1</c>),
/// and copies, deletions and restores per backup.
/// </summary>
public sealed class EmulatorStatistics
{
    private readonly long[] _faults = new long[Enum.GetValues<FaultKind>().Length];
    private readonly ConcurrentDictionary<string, long> _authenticationFailures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _operations = new(StringComparer.Ordinal);
    private long[] _requestsByRegion = Array.Empty<long>();
    private long _requests;
    private long _authenticated;
    private long _adminRequests;
    private BackupStore? _store;

    internal EmulatorStatistics()
    {
    }

    /// <summary>Requests received under /20160918, refused ones included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests whose signature verified.</summary>
    public long AuthenticatedRequests => Interlocked.Read(ref _authenticated);

    /// <summary>Requests refused with 401, all reasons together.</summary>
    public long AuthenticationFailures => _authenticationFailures.Values.Sum();

    public long AdminRequests => Interlocked.Read(ref _adminRequests);

    /// <summary>Refused requests by reason (e.g. <c>BadSignature</c>, <c>DateOutOfRange</c>, <c>UnknownKey</c>).</summary>
    public IReadOnlyDictionary<string, long> AuthenticationFailuresByReason =>
        new SortedDictionary<string, long>(_authenticationFailures, StringComparer.Ordinal);

    /// <summary>Authenticated requests by operation name (e.g. <c>CreateVolumeBackup</c>).</summary>
    public IReadOnlyDictionary<string, long> RequestsByOperation =>
        new SortedDictionary<string, long>(_operations, StringComparer.Ordinal);

    /// <summary>Authenticated requests by the region whose endpoint was called (regions with none left out).</summary>
    public IReadOnlyDictionary<string, long> RequestsByRegion
    {
        get
        {
            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            IReadOnlyList<string> regions = Store.Regions;
            for (int i = 0; i < regions.Count; i++)
            {
                long count = Interlocked.Read(ref _requestsByRegion[i]);
                if (count > 0)
                {
                    counts[regions[i]] = count;
                }
            }

            return counts;
        }
    }

    public long FaultCount(FaultKind kind) => Interlocked.Read(ref _faults[(int)kind]);

    public IReadOnlyDictionary<string, long> FaultCounts =>
        Enum.GetValues<FaultKind>().ToDictionary(k => ToCamel(k.ToString()), FaultCount);

    /// <summary>Volume backups created of a volume (members of group backups included); retry-token replays do not count.</summary>
    public long VolumeBackupsCreated(string volumeId) => Store.FindVolume(volumeId)?.BackupsCreated ?? 0;

    /// <summary>Group backups created of a volume group; retry-token replays do not count.</summary>
    public long VolumeGroupBackupsCreated(string volumeGroupId) => Store.FindVolumeGroup(volumeGroupId)?.GroupBackupsCreated ?? 0;

    /// <summary>Cross-region copies made of a volume backup or volume group backup (retry-token replays do not count).</summary>
    public long CopiesMade(string backupId) => Store.FindBackup(backupId)?.CopiesMade ?? 0;

    /// <summary>Volumes (or volume groups) restored from a backup.</summary>
    public long RestoresFrom(string backupId) => Store.FindBackup(backupId)?.Restores ?? 0;

    /// <summary>1 once a backup has been deleted (a group backup's members are deleted with it), else 0.</summary>
    public long DeletesOf(string backupId) => Store.FindBackup(backupId)?.Deletes ?? 0;

    /// <summary>Volume backups in every region, whatever made them (API, group backups, copies, seeds), deleted ones included.</summary>
    public long TotalVolumeBackups => Store.VolumeBackupCount;

    public long TotalVolumeGroupBackups => Store.VolumeGroupBackupCount;

    /// <summary>Copies made, deletions and restores, over every backup of both kinds.</summary>
    public long TotalCopiesMade => Store.AllVolumeBackups.Sum(b => b.CopiesMade) + Store.AllVolumeGroupBackups.Sum(b => b.CopiesMade);

    public long TotalVolumeBackupsDeleted => Store.AllVolumeBackups.Sum(b => b.Deletes);

    public long TotalVolumeGroupBackupsDeleted => Store.AllVolumeGroupBackups.Sum(b => b.Deletes);

    public long TotalVolumesRestored => Store.AllVolumeBackups.Sum(b => b.Restores);

    public long TotalVolumeGroupsRestored => Store.AllVolumeGroupBackups.Sum(b => b.Restores);

    private BackupStore Store => _store ?? throw new InvalidOperationException("The emulator has not started.");

    internal void Attach(BackupStore store)
    {
        _store = store;
        _requestsByRegion = new long[store.Regions.Count];
    }

    internal void CountRequest() => Interlocked.Increment(ref _requests);

    internal void CountAuthenticated() => Interlocked.Increment(ref _authenticated);

    internal void CountAdminRequest() => Interlocked.Increment(ref _adminRequests);

    internal void CountAuthenticationFailure(string reason) => _authenticationFailures.AddOrUpdate(reason, 1, (_, n) => n + 1);

    /// <summary>Counts an authenticated request by operation and by the index of its region in the store's regions.</summary>
    internal void CountOperation(string operation, int regionIndex)
    {
        _operations.AddOrUpdate(operation, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _requestsByRegion[regionIndex]);
    }

    internal void CountFault(FaultKind kind) => Interlocked.Increment(ref _faults[(int)kind]);

    internal static string ToCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
