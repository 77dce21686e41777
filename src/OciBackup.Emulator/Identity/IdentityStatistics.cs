using System.Collections.Concurrent;

namespace OciBackup.Emulator.Identity;

/// <summary>What the identity side did, for tests to prove bounded refreshes and picked-up rotations.</summary>
public sealed class IdentityStatistics
{
    private readonly ConcurrentDictionary<string, long> _metadataByPath = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _refusals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> _tokensByLeaf = new();
    private long _federationRequests;
    private long _tokensIssued;
    private long _delegatedRequests;
    private long _resourcePrincipalTokensWritten;
    private long _delegationTokensWritten;
    private long _sessionTokensWritten;
    private long _leafRotations;

    internal IdentityStatistics()
    {
    }

    /// <summary>Metadata service requests by path (e.g. <c>identity/cert.pem</c>).</summary>
    public IReadOnlyDictionary<string, long> MetadataRequestsByPath => new SortedDictionary<string, long>(_metadataByPath, StringComparer.Ordinal);

    public long MetadataRequests => _metadataByPath.Values.Sum();

    /// <summary>Requests that reached the federation endpoint, faults and refusals included.</summary>
    public long FederationRequests => Interlocked.Read(ref _federationRequests);

    /// <summary>Instance principal tokens issued.</summary>
    public long TokensIssued => Interlocked.Read(ref _tokensIssued);

    /// <summary>Tokens issued per leaf certificate generation (1 is the first leaf).</summary>
    public IReadOnlyDictionary<int, long> TokensIssuedByLeafGeneration => new SortedDictionary<int, long>(_tokensByLeaf);

    /// <summary>Federation requests refused with 4xx, by reason.</summary>
    public IReadOnlyDictionary<string, long> FederationRefusals => new SortedDictionary<string, long>(_refusals, StringComparer.Ordinal);

    /// <summary>Federation faults injected, by kind (<c>serverError</c>, <c>drop</c>, <c>slow</c>).</summary>
    public IReadOnlyDictionary<string, long> FederationFaults => new SortedDictionary<string, long>(_faults, StringComparer.Ordinal);

    /// <summary>API requests accepted that carried a valid delegation token (<c>opc-obo-token</c>).</summary>
    public long DelegatedRequests => Interlocked.Read(ref _delegatedRequests);

    public long ResourcePrincipalTokensWritten => Interlocked.Read(ref _resourcePrincipalTokensWritten);

    public long DelegationTokensWritten => Interlocked.Read(ref _delegationTokensWritten);

    public long SessionTokensWritten => Interlocked.Read(ref _sessionTokensWritten);

    public long LeafRotations => Interlocked.Read(ref _leafRotations);

    internal void CountMetadata(string path) => _metadataByPath.AddOrUpdate(path, 1, (_, n) => n + 1);

    internal void CountFederationRequest() => Interlocked.Increment(ref _federationRequests);

    internal void CountTokenIssued(int leafGeneration)
    {
        Interlocked.Increment(ref _tokensIssued);
        _tokensByLeaf.AddOrUpdate(leafGeneration, 1, (_, n) => n + 1);
    }

    internal void CountRefusal(string reason) => _refusals.AddOrUpdate(reason, 1, (_, n) => n + 1);

    internal void CountFault(string kind) => _faults.AddOrUpdate(kind, 1, (_, n) => n + 1);

    internal void CountDelegatedRequest() => Interlocked.Increment(ref _delegatedRequests);

    internal void CountResourcePrincipalToken() => Interlocked.Increment(ref _resourcePrincipalTokensWritten);

    internal void CountDelegationToken() => Interlocked.Increment(ref _delegationTokensWritten);

    internal void CountSessionToken() => Interlocked.Increment(ref _sessionTokensWritten);

    internal void CountLeafRotation() => Interlocked.Increment(ref _leafRotations);
}
