using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OciBackup.Emulator.Admin;
using OciBackup.Emulator.Api;
using OciBackup.Emulator.Auth;
using OciBackup.Emulator.Faults;
using OciBackup.Emulator.Identity;
using OciBackup.Emulator.Inventory;
using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator;

/// <summary>
/// A running emulator: Kestrel on 127.0.0.1 serving the OCI Block Volume backup API under /20160918 and the
/// admin endpoint under /admin. Start one per test (port 0 gives each its own ephemeral port) and dispose it.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FaultState _faults;
    private readonly BackupStore _store;
    private int _stopped;

    private EmulatorHost(WebApplication app, FaultState faults, BackupStore store, EmulatorStatistics statistics,
        string region, int randomSeed, ThrowawayConfig? generated, int trustedKeyCount, EmulatorIdentity? identity)
    {
        Identity = identity;
        _app = app;
        _faults = faults;
        _store = store;
        Statistics = statistics;
        Region = region;
        RandomSeed = randomSeed;
        GeneratedConfigFile = generated?.ConfigFile;
        GeneratedDescriptorFile = generated?.DescriptorFile;
        GeneratedKeyId = generated?.KeyId;
        TrustedKeyCount = trustedKeyCount;
    }

    /// <summary>The service endpoint, e.g. <c>http://127.0.0.1:54321/</c> (an SDK appends /20160918 itself).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary><see cref="BaseAddress"/> with the API version path, for hand-made requests.</summary>
    public Uri ApiBaseAddress => new(BaseAddress, "20160918/");

    public string Region { get; }

    public int RandomSeed { get; }

    public EmulatorStatistics Statistics { get; }

    public int TrustedKeyCount { get; }

    /// <summary>The identity side (metadata and federation endpoints, token files), or null when none was asked for.</summary>
    public EmulatorIdentity? Identity { get; }

    /// <summary>Path of the OCI config written by <see cref="EmulatorOptions.InitConfigDirectory"/>, if any.</summary>
    public string? GeneratedConfigFile { get; }

    public string? GeneratedDescriptorFile { get; }

    public string? GeneratedKeyId { get; }

    /// <summary>The faults in force; assign to change them while the emulator runs.</summary>
    public FaultSettings Faults
    {
        get => _faults.Current;
        set => _faults.Current = value;
    }

    public IReadOnlyList<EmulatorCompartment> Compartments
    {
        get
        {
            IReadOnlyList<Volume> volumes = _store.AllVolumes;
            IReadOnlyList<VolumeGroup> groups = _store.AllVolumeGroups;
            return _store.Compartments.Select(c => new EmulatorCompartment(c.Name, c.Id,
                volumes.Where(v => v.CompartmentId == c.Id).Select(v => v.Id).ToList(),
                groups.Where(g => g.CompartmentId == c.Id).Select(g => g.Id).ToList())).ToList();
        }
    }

    /// <summary>The volume OCIDs of a volume group of the inventory.</summary>
    public IReadOnlyList<string> VolumeIdsOfGroup(string volumeGroupId) =>
        _store.FindVolumeGroup(volumeGroupId)?.Volumes.Select(v => v.Id).ToList()
        ?? throw new ArgumentException("No such volume group: " + volumeGroupId, nameof(volumeGroupId));

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentException("Port must be between 0 and 65535.", nameof(options));
        }

        int seed = options.RandomSeed ?? Random.Shared.Next();
        var faults = new FaultState(options.Faults);
        var clock = new EmulatorClock(options.TimeProvider, faults);
        var statistics = new EmulatorStatistics();
        var ids = new OcidGenerator(options.Region, new RandomSource(seed));
        var store = new BackupStore(clock, ids, new RandomSource(unchecked(seed + 1)), faults, statistics,
            options.BackupDuration, options.BackupDurationJitter, options.RetryTokenLifetime);
        statistics.Attach(store);

        EmulatorSeed inventory = options.Seed
            ?? (options.SeedFile is not null ? InventoryBuilder.LoadSeedFile(options.SeedFile) : InventoryBuilder.Generate(options));
        InventoryBuilder.Populate(store, inventory, options.Region, clock.UtcNow);

        void ConfigureLogging(WebApplicationBuilder builder)
        {
            builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(options.LogLevel);
            if (options.LogLevel > LogLevel.Trace)
            {
                builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
            }

            if (options.LogToConsole)
            {
                builder.Logging.AddSimpleConsole(console =>
                {
                    console.SingleLine = true;
                    console.TimestampFormat = "HH:mm:ss.fff ";
                });
            }

            options.ConfigureLogging?.Invoke(builder.Logging);
        }

        EmulatorIdentity? identity = options.Identity.NeedsIssuer
            ? await EmulatorIdentity.StartAsync(options.Identity, clock, options.Region, seed, ConfigureLogging, cancellationToken).ConfigureAwait(false)
            : null;
        try
        {
            var keys = new TrustedKeyStore(options.TrustJwkSessionTokens, identity is null ? null : identity.Issuer.Resolve);
            ThrowawayConfig? generated = TrustConfiguredKeys(options, keys);

            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Services.AddSingleton<IHostLifetime, NoSignalHostLifetime>();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Listen(System.Net.IPAddress.Loopback, options.Port);
            });
            ConfigureLogging(builder);

            WebApplication app = builder.Build();
            ILogger logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OciBackup.Emulator");
            var injector = new FaultInjector(faults, new RandomSource(unchecked(seed + 2)), new TokenBucketRateLimiter(options.TimeProvider), statistics);
            Func<string, DateTimeOffset, string?>? delegation = identity is null ? null : (token, now) =>
            {
                string? problem = identity.DelegationTokenProblem(token, now);
                if (problem is null)
                {
                    identity.Statistics.CountDelegatedRequest();
                }

                return problem;
            };
            var api = new OciApiMiddleware(new OciOperations(store, clock, options.DefaultPageSize), new SignatureVerifier(keys, delegation),
                injector, clock, statistics, logger, app.Lifetime.ApplicationStopping);

            var host = new EmulatorHost(app, faults, store, statistics, options.Region, seed, generated, keys.Count, identity);
            app.Use((context, next) =>
            {
                if (!context.Request.Path.StartsWithSegments(AdminEndpoints.Prefix, StringComparison.Ordinal))
                {
                    return next(context);
                }

                statistics.CountAdminRequest();
                if (options.AdminToken is not null
                    && !string.Equals(context.Request.Headers[AdminEndpoints.TokenHeader].ToString(), options.AdminToken, StringComparison.Ordinal))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return context.Response.WriteAsJsonAsync(new { code = "NotAuthenticated", message = "The admin token is missing or wrong." });
                }

                return next(context);
            });
            app.Map(OciApiMiddleware.ApiVersionPath, branch => branch.Run(api.InvokeAsync));
            AdminEndpoints.Map(app, store, statistics, faults, clock, options.Region, () => host.BaseAddress, app.Lifetime.StopApplication);
            IdentityAdminEndpoints.Map(app, identity);
            app.MapFallback((HttpContext context) =>
            {
                context.Response.Headers["opc-request-id"] = Guid.NewGuid().ToString("N").ToUpperInvariant();
                return OciApiMiddleware.WriteAsync(context.Response,
                    new ApiError(404, "NotAuthorizedOrNotFound", "Not an OCI API path: the emulator serves /20160918 and /admin."));
            });

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            host.BaseAddress = new Uri(address.TrimEnd('/') + "/");
            generated?.WriteConfig(host.BaseAddress, options.Region, store.Compartments, identity);
            logger.LogInformation("Emulator started on {Address} with {Keys} trusted keys, random seed {Seed}", host.BaseAddress, keys.Count, seed);
            return host;
        }
        catch
        {
            // The identity side runs apps of its own: stop them when the rest fails to start.
            if (identity is not null)
            {
                await identity.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    private static ThrowawayConfig? TrustConfiguredKeys(EmulatorOptions options, TrustedKeyStore keys)
    {
        foreach (string file in options.TrustedPublicKeyFiles)
        {
            keys.TrustApiKey(RsaPublicKey.FromPem(File.ReadAllText(file)).SubjectPublicKeyInfo, null);
        }

        foreach (string pem in options.TrustedPublicKeyPems)
        {
            keys.TrustApiKey(RsaPublicKey.FromPem(pem).SubjectPublicKeyInfo, null);
        }

        foreach (TrustedSessionToken token in options.TrustedSessionTokens)
        {
            keys.TrustSessionToken(token.Token, RsaPublicKey.FromPem(token.PublicKeyPem).SubjectPublicKeyInfo);
        }

        foreach (TrustedOciConfig config in options.TrustedOciConfigs)
        {
            OciConfigProfile profile = OciConfigProfile.Load(config.Path, config.Profile);
            string keyFile = profile.KeyFile ?? throw new InvalidDataException($"Profile [{config.Profile}] of {config.Path} has no key_file.");
            byte[] publicKey = PrivateKeyFile.ReadPublicKeyInfo(keyFile, profile.PassPhrase);
            if (profile.SecurityTokenFile is string tokenFile)
            {
                keys.TrustSessionToken(File.ReadAllText(tokenFile).Trim(), publicKey);
            }
            else
            {
                string? principal = profile.Tenancy is not null && profile.User is not null ? profile.Tenancy + "/" + profile.User : null;
                keys.TrustApiKey(publicKey, principal);
            }
        }

        if (options.InitConfigDirectory is null)
        {
            return null;
        }

        ThrowawayConfig generated = ThrowawayConfig.Prepare(options.InitConfigDirectory, options.InitConfigProfile);
        keys.TrustApiKey(generated.SubjectPublicKeyInfo, generated.TenancyId + "/" + generated.UserId);
        return generated;
    }

    /// <summary>
    /// Cancelled when <c>POST /admin/shutdown</c> asks the emulator to stop (and when it stops). The executable then
    /// stops as on Ctrl+C; an in-process host keeps serving until its owner disposes it.
    /// </summary>
    public CancellationToken StopRequested => _app.Lifetime.ApplicationStopping;

    /// <summary>Completes when the host stops (for the executable's main loop).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        if (Identity is not null)
        {
            await Identity.DisposeAsync().ConfigureAwait(false);
        }
    }
}
