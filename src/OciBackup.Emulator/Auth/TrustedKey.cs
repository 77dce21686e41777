namespace OciBackup.Emulator.Auth;

/// <summary>A key the emulator accepts, with the principals it may sign for and (for session tokens) its expiry.</summary>
internal sealed class TrustedKey
{
    private readonly HashSet<string>? _principals;

    public TrustedKey(RsaPublicKey key, IEnumerable<string>? principals, DateTimeOffset? expiresAt, string description)
    {
        Key = key;
        _principals = principals is null ? null : new HashSet<string>(principals, StringComparer.Ordinal);
        ExpiresAt = expiresAt;
        Description = description;
    }

    public RsaPublicKey Key { get; }

    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>What the log says about the key (fingerprint or a token hash; never the token).</summary>
    public string Description { get; }

    /// <summary>Null principals: any <c>tenancy/user</c> pair may use the key.</summary>
    public bool Allows(string tenancyAndUser) => _principals is null || _principals.Contains(tenancyAndUser);

    public TrustedKey WithPrincipal(string? tenancyAndUser)
    {
        if (_principals is null || tenancyAndUser is null)
        {
            return new TrustedKey(Key, null, ExpiresAt, Description);
        }

        return new TrustedKey(Key, _principals.Append(tenancyAndUser), ExpiresAt, Description);
    }
}
