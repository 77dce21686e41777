using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OciBackup.Emulator.Auth;
using OciBackup.Emulator.Inventory;
using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator.Identity;

/// <summary>
/// The identity side of a running emulator: the tokens it issues and accepts, the instance metadata service and
/// federation endpoint on their own ports, the resource principal, Cloud Shell and session-token files it keeps,
/// their settable token lifetime, leaf rotation and federation faults, and the counters that show what happened.
/// </summary>
public sealed class EmulatorIdentity : IAsyncDisposable
{
    private readonly IdentityOptions _options;
    private readonly EmulatorClock _clock;
    private readonly string _region;
    private readonly RandomSource _random;
    private readonly List<WebApplication> _apps = new();
    private readonly List<ITimer> _timers = new();
    private readonly List<(ITimer Timer, Action Renew)> _renewals = new();
    private readonly object _gate = new();
    private readonly RSA? _resourcePrincipalKey;
    private readonly RSA? _sessionKey;
    private TimeSpan _tokenLifetime;
    private FederationFaultSettings _faults;

    private EmulatorIdentity(IdentityOptions options, EmulatorClock clock, string region, int seed)
    {
        _options = options;
        _clock = clock;
        _region = region;
        _random = new RandomSource(unchecked(seed + 7));
        _tokenLifetime = Positive(options.TokenLifetime);
        _faults = options.FederationFaults.Validated();
        Issuer = new TokenIssuer();
        var ids = new OcidGenerator(new RandomSource(unchecked(seed + 5)));
        TenancyId = "ocid1.tenancy.oc1..aaaaaaaa" + OcidGenerator.CompartmentIdFor("tenancy:" + seed)[^52..];
        UserId = "ocid1.user.oc1..aaaaaaaa" + OcidGenerator.CompartmentIdFor("user:" + seed)[^52..];
        InstanceId = ids.New("instance", region);
        FunctionId = ids.New("fnfunc", region);
        CompartmentId = OcidGenerator.CompartmentIdFor("identity");
        if (options.NeedsEndpoints)
        {
            Authority = new CertificateAuthority(TenancyId, InstanceId, CompartmentId, () => _clock.UtcNow);
        }

        if (options.ResourcePrincipalDirectory is not null)
        {
            _resourcePrincipalKey = RSA.Create(2048);
        }

        if (options.SessionTokenDirectory is not null)
        {
            _sessionKey = RSA.Create(2048);
        }
    }

    public IdentityStatistics Statistics { get; } = new();

    /// <summary>The region the metadata service names.</summary>
    public string Region => _region;

    /// <summary>The tenancy every identity of the emulator belongs to.</summary>
    public string TenancyId { get; }

    /// <summary>The user delegation and session tokens act for.</summary>
    public string UserId { get; }

    public string InstanceId { get; }

    /// <summary>The function the resource principal token names (<c>res_id</c>).</summary>
    public string FunctionId { get; }

    /// <summary>The compartment of the instance and the function (<c>res_compartment</c>).</summary>
    public string CompartmentId { get; }

    /// <summary>What to set <c>OCI_METADATA_BASE_URL</c> to: <c>http://127.0.0.1:PORT/opc/v2/</c>; null when not started.</summary>
    public Uri? MetadataBaseAddress { get; private set; }

    /// <summary>The federation URL, <c>http://127.0.0.1:PORT/v1/x509</c>; null when not started.</summary>
    public Uri? FederationEndpoint { get; private set; }

    /// <summary>The resource principal files and variables, when <see cref="IdentityOptions.ResourcePrincipalDirectory"/> is set.</summary>
    public IReadOnlyDictionary<string, string>? ResourcePrincipalVariables { get; private set; }

    /// <summary>The Cloud Shell variables (config, delegation token file, metadata and federation addresses), when set up.</summary>
    public IReadOnlyDictionary<string, string>? CloudShellVariables { get; private set; }

    /// <summary>The config file of the session-token profile, when <see cref="IdentityOptions.SessionTokenDirectory"/> is set.</summary>
    public string? SessionTokenConfigFile { get; private set; }

    /// <summary>The lifetime of tokens issued from now on. Changing it renews the token files now and reschedules their renewals.</summary>
    public TimeSpan TokenLifetime
    {
        get
        {
            lock (_gate)
            {
                return _tokenLifetime;
            }
        }

        set
        {
            lock (_gate)
            {
                _tokenLifetime = Positive(value);
                foreach ((ITimer timer, Action _) in _renewals)
                {
                    timer.Change(_tokenLifetime / 2, _tokenLifetime / 2);
                }
            }

            // Tokens already in the files were issued for the old lifetime: replace them, as an agent would.
            foreach ((ITimer _, Action renew) in _renewals.ToArray())
            {
                renew();
            }
        }
    }

    public FederationFaultSettings FederationFaults
    {
        get => Volatile.Read(ref _faults);
        set => Volatile.Write(ref _faults, value.Validated());
    }

    /// <summary>The generation of the current leaf certificate (1 at start), or 0 without instance principals.</summary>
    public int LeafGeneration => Authority?.CurrentLeaf.Generation ?? 0;

    internal TokenIssuer Issuer { get; }

    internal CertificateAuthority? Authority { get; }

    internal RandomSource Random => _random;

    internal EmulatorClock Clock => _clock;

    internal static async Task<EmulatorIdentity> StartAsync(IdentityOptions options, EmulatorClock clock, string region, int seed,
        Action<WebApplicationBuilder> configureLogging, CancellationToken cancellationToken)
    {
        var identity = new EmulatorIdentity(options, clock, region, seed);
        try
        {
            if (options.NeedsEndpoints)
            {
                WebApplication metadata = identity.NewApp(options.MetadataPort, configureLogging);
                MetadataEndpoints.Map(metadata, identity);
                WebApplication federation = identity.NewApp(options.FederationPort, configureLogging);
                FederationService.Map(federation, identity);
                identity.MetadataBaseAddress = new Uri(await StartAppAsync(metadata, cancellationToken).ConfigureAwait(false) + "/opc/v2/");
                identity.FederationEndpoint = new Uri(await StartAppAsync(federation, cancellationToken).ConfigureAwait(false) + "/v1/x509");
                if (options.LeafRotationInterval is TimeSpan every && every > TimeSpan.Zero)
                {
                    identity._timers.Add(clock.Provider.CreateTimer(_ => identity.RotateLeaf(), null, every, every));
                }
            }

            identity.WriteFiles();
            return identity;
        }
        catch
        {
            await identity.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Replaces the instance's leaf certificate and key now; the federation endpoint refuses the old one from here on.</summary>
    public int RotateLeaf()
    {
        CertificateAuthority authority = Authority ?? throw new InvalidOperationException("Instance principals are not enabled.");
        int generation = authority.RotateLeaf().Generation;
        Statistics.CountLeafRotation();
        return generation;
    }

    /// <summary>Writes a new resource principal token into its file now, as the service's agent does before the old one expires.</summary>
    public void RenewResourcePrincipalToken()
    {
        string directory = _options.ResourcePrincipalDirectory ?? throw new InvalidOperationException("No resource principal directory is set.");
        WriteAtomically(Path.Combine(directory, "rpst"), IssueResourcePrincipalToken());
        Statistics.CountResourcePrincipalToken();
    }

    /// <summary>Writes a new delegation token into Cloud Shell's file now.</summary>
    public void RenewDelegationToken()
    {
        string directory = _options.CloudShellDirectory ?? throw new InvalidOperationException("No Cloud Shell directory is set.");
        WriteAtomically(Path.Combine(directory, "delegation_token"), IssueDelegationToken());
        Statistics.CountDelegationToken();
    }

    /// <summary>Writes a new session token into the profile's token file, as <c>oci session refresh</c> does.</summary>
    public void RefreshSessionToken()
    {
        string directory = _options.SessionTokenDirectory ?? throw new InvalidOperationException("No session token directory is set.");
        WriteAtomically(Path.Combine(directory, "token"), IssueSessionToken(_sessionKey!.ExportSubjectPublicKeyInfo()));
        Statistics.CountSessionToken();
    }

    /// <summary>A user session token for this public key, as <c>oci session authenticate</c> gets one.</summary>
    public string IssueSessionToken(byte[] subjectPublicKeyInfo) =>
        Issuer.Issue(new Dictionary<string, string>
        {
            ["sub"] = UserId,
            ["tenant"] = TenancyId,
            ["ptype"] = "user",
            ["ttype"] = "login",
            ["sess_exp"] = (_clock.UtcNow + TimeSpan.FromHours(24)).ToString("R", CultureInfo.InvariantCulture),
        }, _clock.UtcNow, TokenLifetime, subjectPublicKeyInfo);

    /// <summary>A delegation token for the emulator's user (what Cloud Shell keeps in its file).</summary>
    public string IssueDelegationToken() =>
        Issuer.Issue(new Dictionary<string, string>
        {
            ["sub"] = UserId,
            ["tenant"] = TenancyId,
            ["ptype"] = "user",
            ["ttype"] = "delegation",
        }, _clock.UtcNow, TokenLifetime, null);

    /// <summary>The current state, for <c>GET /admin/identity</c>.</summary>
    internal object State() => new
    {
        tenancyId = TenancyId,
        userId = UserId,
        instanceId = InstanceId,
        metadataBaseUrl = MetadataBaseAddress?.ToString(),
        federationEndpoint = FederationEndpoint?.ToString(),
        tokenLifetimeSeconds = TokenLifetime.TotalSeconds,
        leafGeneration = LeafGeneration,
        leafSha1Fingerprint = Authority?.CurrentLeaf.Sha1Fingerprint,
        federationFaults = FederationFaults,
        resourcePrincipal = ResourcePrincipalVariables,
        cloudShell = CloudShellVariables,
        sessionTokenConfigFile = SessionTokenConfigFile,
        statistics = new
        {
            metadataRequests = Statistics.MetadataRequests,
            metadataRequestsByPath = Statistics.MetadataRequestsByPath,
            federationRequests = Statistics.FederationRequests,
            tokensIssued = Statistics.TokensIssued,
            tokensIssuedByLeafGeneration = Statistics.TokensIssuedByLeafGeneration.ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => p.Value),
            federationRefusals = Statistics.FederationRefusals,
            federationFaults = Statistics.FederationFaults,
            delegatedRequests = Statistics.DelegatedRequests,
            leafRotations = Statistics.LeafRotations,
            resourcePrincipalTokensWritten = Statistics.ResourcePrincipalTokensWritten,
            delegationTokensWritten = Statistics.DelegationTokensWritten,
            sessionTokensWritten = Statistics.SessionTokensWritten,
        },
    };

    /// <summary>Null when the delegation token is one this emulator issued and it has not expired; else why not.</summary>
    internal string? DelegationTokenProblem(string token, DateTimeOffset now)
    {
        if (Issuer.Verify(token) is not JsonElement claims || !claims.TryGetProperty("ttype", out JsonElement type) || type.GetString() != "delegation")
        {
            return "delegation token not issued by the emulator";
        }

        if (!claims.TryGetProperty("exp", out JsonElement exp) || !exp.TryGetInt64(out long seconds) || now >= DateTimeOffset.FromUnixTimeSeconds(seconds))
        {
            return "delegation token expired";
        }

        return null;
    }

    /// <summary>An instance principal token for the session key a federation request brought.</summary>
    internal string IssueInstanceToken(byte[] sessionKeyInfo) =>
        Issuer.Issue(new Dictionary<string, string>
        {
            ["sub"] = InstanceId,
            ["tenant"] = TenancyId,
            ["opc-tenant"] = TenancyId,
            ["opc-instance"] = InstanceId,
            ["opc-compartment"] = CompartmentId,
            ["opc-certtype"] = "instance",
            ["ptype"] = "instance",
            ["ttype"] = "x509",
        }, _clock.UtcNow, TokenLifetime, sessionKeyInfo);

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (ITimer timer in _timers)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }

        foreach (WebApplication app in _apps)
        {
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
            {
                try
                {
                    await app.StopAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }

            await app.DisposeAsync().ConfigureAwait(false);
        }

        Authority?.Dispose();
        Issuer.Dispose();
        _resourcePrincipalKey?.Dispose();
        _sessionKey?.Dispose();
    }

    private string IssueResourcePrincipalToken() =>
        Issuer.Issue(new Dictionary<string, string>
        {
            ["sub"] = FunctionId,
            ["res_tenant"] = TenancyId,
            ["res_compartment"] = CompartmentId,
            ["res_id"] = FunctionId,
            ["res_type"] = "fnfunc",
            ["ptype"] = "resource",
            ["ttype"] = "res",
        }, _clock.UtcNow, TokenLifetime, _resourcePrincipalKey!.ExportSubjectPublicKeyInfo());

    private void WriteFiles()
    {
        if (_options.ResourcePrincipalDirectory is string rp)
        {
            Directory.CreateDirectory(rp);
            string key = Path.Combine(rp, "private.pem");
            var variables = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["OCI_RESOURCE_PRINCIPAL_VERSION"] = "2.2",
                ["OCI_RESOURCE_PRINCIPAL_RPST"] = Path.Combine(rp, "rpst"),
                ["OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM"] = key,
                ["OCI_RESOURCE_PRINCIPAL_REGION"] = _region,
            };
            if (_options.ResourcePrincipalPassPhrase is string passPhrase)
            {
                WriteAtomically(key, _resourcePrincipalKey!.ExportEncryptedPkcs8PrivateKeyPem(passPhrase,
                    new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 2048)) + "\n");
                string passPhraseFile = Path.Combine(rp, "passphrase");
                WriteAtomically(passPhraseFile, passPhrase);
                variables["OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM_PASSPHRASE"] = passPhraseFile;
            }
            else
            {
                WriteAtomically(key, _resourcePrincipalKey!.ExportPkcs8PrivateKeyPem() + "\n");
            }

            RenewResourcePrincipalToken();
            ResourcePrincipalVariables = variables;
            WriteVariables(rp, variables);
            AddRenewal(RenewResourcePrincipalToken);
        }

        if (_options.CloudShellDirectory is string shell)
        {
            Directory.CreateDirectory(shell);
            string tokenFile = Path.Combine(shell, "delegation_token");
            string config = Path.Combine(shell, "config");
            RenewDelegationToken();
            WriteAtomically(config, new StringBuilder()
                .Append("# Written by the OciBackup emulator: a Cloud Shell-like config (instance principal plus delegation token).\n")
                .Append("[DEFAULT]\n")
                .Append("region=").Append(_region).Append('\n')
                .Append("tenancy=").Append(TenancyId).Append('\n')
                .Append("delegation_token_file=").Append(tokenFile).Append('\n')
                .Append("authentication_type=instance_principal\n")
                .ToString());
            var variables = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["OCI_CLI_AUTH"] = "instance_obo_user",
                ["OCI_CLI_CONFIG_FILE"] = config,
                ["OCI_CONFIG_FILE"] = config,
                ["OCI_CLI_DELEGATION_TOKEN_FILE"] = tokenFile,
                ["OCI_METADATA_BASE_URL"] = MetadataBaseAddress!.ToString(),
                ["OCI_CLI_FEDERATION_ENDPOINT"] = FederationEndpoint!.ToString(),
            };
            CloudShellVariables = variables;
            WriteVariables(shell, variables);
            AddRenewal(RenewDelegationToken);
        }

        if (_options.SessionTokenDirectory is string session)
        {
            Directory.CreateDirectory(session);
            string key = Path.Combine(session, "session_key.pem");
            WriteAtomically(key, _sessionKey!.ExportPkcs8PrivateKeyPem() + "\n");
            RefreshSessionToken();
            SessionTokenConfigFile = Path.Combine(session, "config");
            WriteAtomically(SessionTokenConfigFile, new StringBuilder()
                .Append("# Written by the OciBackup emulator, as 'oci session authenticate' would write it.\n")
                .Append("[DEFAULT]\n")
                .Append("fingerprint=").Append(KeyFingerprint.Of(_sessionKey.ExportSubjectPublicKeyInfo())).Append('\n')
                .Append("key_file=").Append(key).Append('\n')
                .Append("tenancy=").Append(TenancyId).Append('\n')
                .Append("region=").Append(_region).Append('\n')
                .Append("security_token_file=").Append(Path.Combine(session, "token")).Append('\n')
                .ToString());
        }
    }

    private void AddRenewal(Action renew)
    {
        void Renew()
        {
            try
            {
                renew();
            }
            catch (IOException)
            {
                // The directory went away (a test cleaning up): nothing left to keep current.
            }
        }

        lock (_gate)
        {
            ITimer timer = _clock.Provider.CreateTimer(_ => Renew(), null, _tokenLifetime / 2, _tokenLifetime / 2);
            _timers.Add(timer);
            _renewals.Add((timer, Renew));
        }
    }

    private WebApplication NewApp(int port, Action<WebApplicationBuilder> configureLogging)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, NoSignalHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(System.Net.IPAddress.Loopback, port);
        });
        configureLogging(builder);
        WebApplication app = builder.Build();
        _apps.Add(app);
        return app;
    }

    private static async Task<string> StartAppAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    private static void WriteVariables(string directory, IReadOnlyDictionary<string, string> variables) =>
        WriteAtomically(Path.Combine(directory, "environment.json"), JsonSerializer.Serialize(variables, new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>Writes through a temporary file and a rename, so a reader never sees half a token.</summary>
    private static void WriteAtomically(string path, string content)
    {
        string temporary = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        File.WriteAllText(temporary, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static TimeSpan Positive(TimeSpan value) =>
        value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), "The token lifetime must be positive.");
}
