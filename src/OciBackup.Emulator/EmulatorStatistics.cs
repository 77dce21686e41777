using System.Collections.Concurrent;
using OciBackup.Emulator.Inventory;

namespace OciBackup.Emulator;

/// <summary>
/// Counters tests read to prove what happened: requests, refused signatures, faults injected, and backups created
/// per volume and volume group ("no duplicates" is <c>VolumeBackupsCreated(id) == 1</c>).
/// </summary>
public sealed class EmulatorStatistics
{
    private readonly long[] _faults = new long[Enum.GetValues<FaultKind>().Length];
    private readonly ConcurrentDictionary<string, long> _authenticationFailures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _operations = new(StringComparer.Ordinal);
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

    public long FaultCount(FaultKind kind) => Interlocked.Read(ref _faults[(int)kind]);

    public IReadOnlyDictionary<string, long> FaultCounts =>
        Enum.GetValues<FaultKind>().ToDictionary(k => ToCamel(k.ToString()), FaultCount);

    /// <summary>Volume backups created of a volume (members of group backups included); retry-token replays do not count.</summary>
    public long VolumeBackupsCreated(string volumeId) => Store.FindVolume(volumeId)?.BackupsCreated ?? 0;

    /// <summary>Group backups created of a volume group; retry-token replays do not count.</summary>
    public long VolumeGroupBackupsCreated(string volumeGroupId) => Store.FindVolumeGroup(volumeGroupId)?.GroupBackupsCreated ?? 0;

    public long TotalVolumeBackups => Store.VolumeBackupCount;

    public long TotalVolumeGroupBackups => Store.VolumeGroupBackupCount;

    private BackupStore Store => _store ?? throw new InvalidOperationException("The emulator has not started.");

    internal void Attach(BackupStore store) => _store = store;

    internal void CountRequest() => Interlocked.Increment(ref _requests);

    internal void CountAuthenticated() => Interlocked.Increment(ref _authenticated);

    internal void CountAdminRequest() => Interlocked.Increment(ref _adminRequests);

    internal void CountAuthenticationFailure(string reason) => _authenticationFailures.AddOrUpdate(reason, 1, (_, n) => n + 1);

    internal void CountOperation(string operation) => _operations.AddOrUpdate(operation, 1, (_, n) => n + 1);

    internal void CountFault(FaultKind kind) => Interlocked.Increment(ref _faults[(int)kind]);

    internal static string ToCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
