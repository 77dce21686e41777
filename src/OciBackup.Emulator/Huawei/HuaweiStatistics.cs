using System.Collections.Concurrent;

namespace OciBackup.Emulator.Huawei;

/// <summary>The Huawei side's counters: requests, refused signatures by reason, operations; backups made per disk and instance live in the store.</summary>
public sealed class HuaweiStatistics
{
    private readonly ConcurrentDictionary<string, long> _authenticationFailures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _operations = new(StringComparer.Ordinal);
    private long _requests;
    private long _authenticated;
    private long _throttled;

    internal HuaweiStatistics()
    {
    }

    /// <summary>Requests to VBS and RDS, refused ones included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public long AuthenticatedRequests => Interlocked.Read(ref _authenticated);

    /// <summary>Requests answered 429 by the rate limit.</summary>
    public long ThrottledRequests => Interlocked.Read(ref _throttled);

    public long AuthenticationFailures => _authenticationFailures.Values.Sum();

    public IReadOnlyDictionary<string, long> AuthenticationFailuresByReason => new SortedDictionary<string, long>(_authenticationFailures, StringComparer.Ordinal);

    /// <summary>Authenticated requests by operation (<c>CreateBackup</c>, <c>ShowJob</c>, <c>CreateManualBackup</c>, ...).</summary>
    public IReadOnlyDictionary<string, long> RequestsByOperation => new SortedDictionary<string, long>(_operations, StringComparer.Ordinal);

    internal void CountRequest() => Interlocked.Increment(ref _requests);

    internal void CountAuthenticated() => Interlocked.Increment(ref _authenticated);

    internal void CountThrottled() => Interlocked.Increment(ref _throttled);

    internal void CountAuthenticationFailure(string reason) => _authenticationFailures.AddOrUpdate(reason, 1, (_, n) => n + 1);

    internal void CountOperation(string operation) => _operations.AddOrUpdate(operation, 1, (_, n) => n + 1);
}
