using System.Collections.Concurrent;

namespace OciBackup.Emulator.Auth;

/// <summary>
/// Resolves a signature's keyId to a trusted public key. API keys (<c>tenancy/user/fingerprint</c>) are found by
/// fingerprint, then checked against the principals the key was trusted for. Session tokens (<c>ST$jwt</c>) are
/// found by the exact token, or, when enabled, through the token's own <c>jwk</c> claim. Resolved keyIds are
/// cached so the steady state is one dictionary lookup.
/// </summary>
internal sealed class TrustedKeyStore : IKeyResolver
{
    private const int CacheLimit = 10_000;
    private readonly ConcurrentDictionary<string, TrustedKey> _byFingerprint = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TrustedKey> _bySessionToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TrustedKey?> _resolved = new(StringComparer.Ordinal);
    private readonly bool _trustJwkSessionTokens;
    private readonly Func<string, TrustedKey?>? _issuedTokens;

    /// <param name="issuedTokens">Resolves tokens the emulator issued itself (their signature is its own to check); null when it issues none.</param>
    public TrustedKeyStore(bool trustJwkSessionTokens, Func<string, TrustedKey?>? issuedTokens = null)
    {
        _trustJwkSessionTokens = trustJwkSessionTokens;
        _issuedTokens = issuedTokens;
    }

    public int Count => _byFingerprint.Count + _bySessionToken.Count;

    public IReadOnlyCollection<string> Fingerprints => _byFingerprint.Keys.ToList();

    /// <summary>Trust an API key for the given principal (<c>tenancy/user</c>), or for any principal when null.</summary>
    public void TrustApiKey(byte[] subjectPublicKeyInfo, string? tenancyAndUser)
    {
        var key = new RsaPublicKey(subjectPublicKeyInfo);
        _byFingerprint.AddOrUpdate(
            key.Fingerprint,
            _ => new TrustedKey(key, tenancyAndUser is null ? null : new[] { tenancyAndUser }, null, "API key " + key.Fingerprint),
            (_, existing) => existing.WithPrincipal(tenancyAndUser));
        _resolved.Clear();
    }

    public void TrustSessionToken(string token, byte[] subjectPublicKeyInfo)
    {
        token = token.Trim();
        var key = new RsaPublicKey(subjectPublicKeyInfo);
        DateTimeOffset? expires = SessionTokenClaims.TryRead(token)?.ExpiresAt;
        _bySessionToken[token] = new TrustedKey(key, null, expires, SessionTokenClaims.Describe(token));
        _resolved.Clear();
    }

    public TrustedKey? Resolve(string keyId, out string detail)
    {
        detail = "";
        if (_resolved.TryGetValue(keyId, out TrustedKey? cached))
        {
            if (cached is null)
            {
                detail = "no trusted key for this keyId";
            }

            return cached;
        }

        TrustedKey? found = keyId.StartsWith("ST$", StringComparison.Ordinal)
            ? ResolveSessionToken(keyId[3..], out detail)
            : ResolveApiKey(keyId, out detail);
        if (_resolved.Count < CacheLimit)
        {
            _resolved[keyId] = found;
        }

        return found;
    }

    private TrustedKey? ResolveApiKey(string keyId, out string detail)
    {
        string[] parts = keyId.Split('/');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0))
        {
            detail = "keyId is not tenancy/user/fingerprint";
            return null;
        }

        if (!_byFingerprint.TryGetValue(parts[2], out TrustedKey? key))
        {
            detail = "no trusted key has fingerprint " + parts[2];
            return null;
        }

        if (!key.Allows(parts[0] + "/" + parts[1]))
        {
            detail = "key " + parts[2] + " is not trusted for this tenancy and user";
            return null;
        }

        detail = "";
        return key;
    }

    private TrustedKey? ResolveSessionToken(string token, out string detail)
    {
        if (_bySessionToken.TryGetValue(token, out TrustedKey? key))
        {
            detail = "";
            return key;
        }

        if (_issuedTokens?.Invoke(token) is TrustedKey issued)
        {
            detail = "";
            return issued;
        }

        if (_trustJwkSessionTokens)
        {
            SessionTokenClaims? claims = SessionTokenClaims.TryRead(token);
            if (claims?.JwkPublicKeyInfo is not null)
            {
                detail = "";
                return new TrustedKey(new RsaPublicKey(claims.JwkPublicKeyInfo), null, claims.ExpiresAt, SessionTokenClaims.Describe(token));
            }
        }

        detail = "untrusted " + SessionTokenClaims.Describe(token);
        return null;
    }
}
