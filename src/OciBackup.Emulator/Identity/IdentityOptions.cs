namespace OciBackup.Emulator.Identity;

/// <summary>
/// The identity side of the emulator: an instance metadata service and a federation endpoint, each on its own
/// 127.0.0.1 port (instance principals, and Cloud Shell's delegation), and the files that resource principals and
/// session tokens come in. All off by default.
/// </summary>
public sealed class IdentityOptions
{
    /// <summary>Start the metadata service and the federation endpoint.</summary>
    public bool InstancePrincipal { get; set; }

    /// <summary>Port of the metadata service on 127.0.0.1 (0: an ephemeral one).</summary>
    public int MetadataPort { get; set; }

    /// <summary>Port of the federation endpoint on 127.0.0.1 (0: an ephemeral one).</summary>
    public int FederationPort { get; set; }

    /// <summary>Lifetime of every token the emulator issues (instance, resource principal, delegation and session tokens).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>Replace the instance's leaf certificate this often; null never (rotate through the admin endpoint instead).</summary>
    public TimeSpan? LeafRotationInterval { get; set; }

    public FederationFaultSettings FederationFaults { get; set; } = new();

    /// <summary>Write a resource principal (2.2) token and key here, and keep the token current as OCI's agent does.</summary>
    public string? ResourcePrincipalDirectory { get; set; }

    /// <summary>Encrypt the resource principal key with this pass phrase (written to a file beside it).</summary>
    public string? ResourcePrincipalPassPhrase { get; set; }

    /// <summary>Write a Cloud Shell set-up here (a config with delegation_token_file, and the delegation token), and keep the token current.</summary>
    public string? CloudShellDirectory { get; set; }

    /// <summary>Write a session-token profile here, as <c>oci session authenticate</c> would (refresh it through the admin endpoint).</summary>
    public string? SessionTokenDirectory { get; set; }

    internal bool NeedsIssuer => InstancePrincipal || CloudShellDirectory is not null || ResourcePrincipalDirectory is not null || SessionTokenDirectory is not null;

    internal bool NeedsEndpoints => InstancePrincipal || CloudShellDirectory is not null;
}
