using System;
using System.Collections.Generic;
using System.Linq;
using OciBackup.Emulator;

namespace OciBackup.Bench;

/// <summary>
/// The emulator's request counters at one moment (every request, answered 429 or not, and the operations performed by
/// name); subtract two to get what happened in between.
/// </summary>
public sealed class RequestCounts
{
    private readonly IReadOnlyDictionary<string, long> _byOperation;

    private RequestCounts(long requests, long throttled, IReadOnlyDictionary<string, long> byOperation)
    {
        Requests = requests;
        Throttled = throttled;
        _byOperation = byOperation;
    }

    /// <summary>Every API request received, those answered 429 included.</summary>
    public long Requests { get; }

    /// <summary>Requests answered 429 TooManyRequests (counted in no operation).</summary>
    public long Throttled { get; }

    public static RequestCounts Of(EmulatorHost emulator) =>
        new(emulator.Statistics.Requests, emulator.Statistics.FaultCount(FaultKind.RateLimited),
            new Dictionary<string, long>(emulator.Statistics.RequestsByOperation, StringComparer.Ordinal));

    public static RequestCounts operator -(RequestCounts after, RequestCounts before) =>
        new(after.Requests - before.Requests, after.Throttled - before.Throttled,
            after._byOperation.ToDictionary(pair => pair.Key, pair => pair.Value - before[pair.Key], StringComparer.Ordinal));

    public static RequestCounts operator +(RequestCounts one, RequestCounts other) =>
        new(one.Requests + other.Requests, one.Throttled + other.Throttled,
            one._byOperation.Keys.Union(other._byOperation.Keys, StringComparer.Ordinal)
                .ToDictionary(operation => operation, operation => one[operation] + other[operation], StringComparer.Ordinal));

    /// <summary>Requests performed as this operation (<c>CreateVolumeBackup</c>).</summary>
    public long this[string operation] => _byOperation.TryGetValue(operation, out var count) ? count : 0;

    /// <summary>The operations performed at least once, with their counts, by name.</summary>
    public IEnumerable<KeyValuePair<string, long>> Performed =>
        _byOperation.Where(pair => pair.Value > 0).OrderBy(pair => pair.Key, StringComparer.Ordinal);
}
