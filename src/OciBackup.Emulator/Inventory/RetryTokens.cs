using OciBackup.Emulator.Api;

namespace OciBackup.Emulator.Inventory;

/// <summary>
/// The opc-retry-tokens seen in the last 24 hours (by default), per region, since each region is a service of its
/// own: what each was first used for and the resource it made. Not thread-safe: the store calls it under its lock.
/// </summary>
internal sealed class RetryTokens
{
    private const int PruneAbove = 100_000;

    private readonly Dictionary<(string Region, string Token), RetryTokenEntry> _entries = new();
    private readonly TimeSpan _lifetime;

    public RetryTokens(TimeSpan lifetime)
    {
        _lifetime = lifetime;
    }

    /// <summary>
    /// True when the token was used before: then <paramref name="resourceId"/> is the first result, or
    /// <paramref name="conflict"/> says the token was used for another request.
    /// </summary>
    public bool TryReplay(string region, string token, string canonicalRequest, DateTimeOffset now, out string? resourceId, out ApiError? conflict)
    {
        resourceId = null;
        conflict = null;
        if (!_entries.TryGetValue((region, token), out RetryTokenEntry? entry))
        {
            return false;
        }

        if (now >= entry.ExpiresAt)
        {
            _entries.Remove((region, token));
            return false;
        }

        if (entry.CanonicalRequest != canonicalRequest)
        {
            conflict = new ApiError(409, "Conflict",
                "The opc-retry-token was already used with a different request; use a new token for a new request.");
            return true;
        }

        resourceId = entry.ResourceId;
        return true;
    }

    public void Remember(string region, string? token, string canonicalRequest, string resourceId, DateTimeOffset now)
    {
        if (token is null)
        {
            return;
        }

        if (_entries.Count > PruneAbove)
        {
            foreach (var expired in _entries.Where(e => now >= e.Value.ExpiresAt).Select(e => e.Key).ToList())
            {
                _entries.Remove(expired);
            }
        }

        _entries[(region, token)] = new RetryTokenEntry(canonicalRequest, resourceId, now + _lifetime);
    }
}
