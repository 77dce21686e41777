using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OciBackup.Emulator.Admin;
using OciBackup.Emulator.Api;
using OciBackup.Emulator.Auth;
using OciBackup.Emulator.Faults;
using OciBackup.Emulator.Huawei;
using OciBackup.Emulator.Identity;
using OciBackup.Emulator.Inventory;
using OciBackup.Emulator.Regions;
using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator;

/// <summary>
/// A running emulator: Kestrel on 127.0.0.1 serving, for each of its regions on a port of its own, the OCI Core
/// (block volumes, backups, copies, restores, work requests) and Identity (compartments, availability domains) calls
/// under /20160918, and the admin endpoint under /admin; when asked, the identity side (instance metadata service and
/// federation endpoint on ports of their own, token files). Start one per test (port 0 gives each its own ephemeral
/// ports) and dispose it.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FaultState _faults;
    private readonly BackupStore _store;
    private readonly RegionListeners _listeners;
    private int _stopped;

    private EmulatorHost(WebApplication app, FaultState faults, BackupStore store, RegionListeners listeners, EmulatorStatistics statistics,
        int randomSeed, ThrowawayConfig? generated, int trustedKeyCount, EmulatorIdentity? identity, HuaweiSide? huawei)
    {
        Identity = identity;
        Huawei = huawei;
        _app = app;
        _faults = faults;
        _store = store;
        _listeners = listeners;
        Statistics = statistics;
        Region = listeners.HomeRegion;
        RandomSeed = randomSeed;
        GeneratedConfigFile = generated?.ConfigFile;
        GeneratedDescriptorFile = generated?.DescriptorFile;
        GeneratedKeyId = generated?.KeyId;
        TrustedKeyCount = trustedKeyCount;
    }

    /// <summary>The home region's service endpoint, e.g. <c>http://127.0.0.1:54321/</c> (an SDK appends /20160918 itself).</summary>
    public Uri BaseAddress => _listeners.Endpoints[Region];

    /// <summary><see cref="BaseAddress"/> with the API version path, for hand-made requests.</summary>
    public Uri ApiBaseAddress => new(BaseAddress, "20160918/");

    /// <summary>The home region: the first one given, that of <see cref="BaseAddress"/> and of the generated config.</summary>
    public string Region { get; }

    /// <summary>Every region served, the home region first.</summary>
    public IReadOnlyList<string> Regions => _listeners.Regions;

    /// <summary>Each region's service endpoint; a resource is found only at its own region's.</summary>
    public IReadOnlyDictionary<string, Uri> Endpoints => _listeners.Endpoints;

    /// <summary>The tenancy the compartments hang under (ListCompartments answers to any tenancy OCID).</summary>
    public string TenancyId => _store.TenancyId;

    public int RandomSeed { get; }

    public EmulatorStatistics Statistics { get; }

    public int TrustedKeyCount { get; }

    /// <summary>The identity side (metadata and federation endpoints, token files), or null when none was asked for.</summary>
    public EmulatorIdentity? Identity { get; }

    /// <summary>The Huawei Cloud side (VBS and RDS on ports of their own), or null when none was asked for.</summary>
    public HuaweiSide? Huawei { get; }

    /// <summary>huawei.json, written into <see cref="EmulatorOptions.InitConfigDirectory"/> when the Huawei side runs.</summary>
    public string? GeneratedHuaweiDescriptorFile { get; private set; }

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

    /// <summary>The compartments (parents before their children) with their volumes and groups in the home region.</summary>
    public IReadOnlyList<EmulatorCompartment> Compartments => CompartmentsIn(Region);

    /// <summary>The compartments with their volumes and groups in <paramref name="region"/>.</summary>
    public IReadOnlyList<EmulatorCompartment> CompartmentsIn(string region)
    {
        IReadOnlyList<Volume> volumes = _store.AllVolumes;
        IReadOnlyList<VolumeGroup> groups = _store.AllVolumeGroups;
        return _store.Compartments.Select(c => new EmulatorCompartment(c.Name, c.Id,
            volumes.Where(v => v.CompartmentId == c.Id && v.Region == region).Select(v => v.Id).ToList(),
            groups.Where(g => g.CompartmentId == c.Id && g.Region == region).Select(g => g.Id).ToList())
        {
            ParentId = c.ParentId,
            Region = region,
        }).ToList();
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

        IReadOnlyList<string> regions = options.AllRegions;
        if (regions.Distinct(StringComparer.Ordinal).Count() != regions.Count || regions.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Each region must be given once: " + string.Join(", ", regions), nameof(options));
        }

        int seed = options.RandomSeed ?? Random.Shared.Next();
        var faults = new FaultState(options.Faults);
        var clock = new EmulatorClock(options.TimeProvider, faults);
        var statistics = new EmulatorStatistics();
        var ids = new OcidGenerator(new RandomSource(seed));
        var store = new BackupStore(regions, clock, ids, new RandomSource(unchecked(seed + 1)), faults, statistics, Durations(options),
            options.RetryTokenLifetime);
        statistics.Attach(store);

        EmulatorSeed inventory = options.Seed
            ?? (options.SeedFile is not null ? InventoryBuilder.LoadSeedFile(options.SeedFile) : InventoryBuilder.Generate(options));
        InventoryBuilder.Populate(store, inventory, clock.UtcNow);

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

        // The instance, function, Cloud Shell and session-token profile live in the home region, as a real one lives in
        // one region; the tokens they get carry no region and are accepted at every region's port.
        EmulatorIdentity? identity = options.Identity.NeedsIssuer
            ? await EmulatorIdentity.StartAsync(options.Identity, clock, regions[0], seed, ConfigureLogging, cancellationToken).ConfigureAwait(false)
            : null;
        try
        {
            var keys = new TrustedKeyStore(options.TrustJwkSessionTokens, identity is null ? null : identity.Issuer.Resolve);
            ThrowawayConfig? generated = TrustConfiguredKeys(options, keys);
            store.TenancyId = options.TenancyId ?? generated?.TenancyId ?? store.TenancyId;
            var listeners = new RegionListeners(regions);
            var listenOptions = new ListenOptions[regions.Count];
            HuaweiSide? huawei = options.Huawei.Enabled ? HuaweiSide.Prepare(options.Huawei, options.BackupDuration, seed) : null;
            ListenOptions? vbsListen = null;
            ListenOptions? rdsListen = null;

            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Services.AddSingleton<IHostLifetime, NoSignalHostLifetime>();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                for (int i = 0; i < regions.Count; i++)
                {
                    int index = i;
                    kestrel.Listen(System.Net.IPAddress.Loopback, i == 0 ? options.Port : 0, listen => listenOptions[index] = listen);
                }

                if (huawei is not null)
                {
                    kestrel.Listen(System.Net.IPAddress.Loopback, options.Huawei.VbsPort, listen => vbsListen = listen);
                    kestrel.Listen(System.Net.IPAddress.Loopback, options.Huawei.RdsPort, listen => rdsListen = listen);
                }
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
            var api = new OciApiMiddleware(new BackupOperations(store, clock, options.DefaultPageSize), new VolumeOperations(store, clock, options.DefaultPageSize),
                new IdentityOperations(store, clock, options.DefaultPageSize), listeners, new SignatureVerifier(keys, delegation),
                injector, clock, statistics, logger, app.Lifetime.ApplicationStopping);

            huawei?.Start(clock, injector, seed, logger, app.Lifetime.ApplicationStopping);
            var host = new EmulatorHost(app, faults, store, listeners, statistics, seed, generated, keys.Count, identity, huawei);
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
            if (huawei is not null)
            {
                // VBS and RDS have listeners of their own; only the admin endpoint is shared by every port.
                app.Use((context, next) =>
                    huawei.ServiceOf(context) is HuaweiService service && !context.Request.Path.StartsWithSegments(AdminEndpoints.Prefix, StringComparison.Ordinal)
                        ? huawei.InvokeAsync(context, service)
                        : next(context));
                HuaweiAdminEndpoints.Map(app, huawei, statistics, clock);
            }

            app.Map(OciApiMiddleware.ApiVersionPath, branch => branch.Run(api.InvokeAsync));
            AdminEndpoints.Map(app, store, statistics, faults, clock, listeners, app.Lifetime.StopApplication);
            IdentityAdminEndpoints.Map(app, identity);
            app.MapFallback((HttpContext context) =>
            {
                context.Response.Headers["opc-request-id"] = Guid.NewGuid().ToString("N").ToUpperInvariant();
                return OciApiMiddleware.WriteAsync(context.Response,
                    new ApiError(404, "NotAuthorizedOrNotFound", "Not an OCI API path: the emulator serves /20160918 and /admin."));
            });

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            // Kestrel writes the bound endpoint (with the port it picked for port 0) back into each listener's options.
            listeners.Bind(listenOptions.Select(listen => listen.IPEndPoint!.Port).ToList());
            if (huawei is not null)
            {
                huawei.Bind(vbsListen!.IPEndPoint!.Port, rdsListen!.IPEndPoint!.Port);
                if (options.InitConfigDirectory is not null)
                {
                    host.GeneratedHuaweiDescriptorFile = huawei.WriteDescriptor(options.InitConfigDirectory);
                }
            }

            generated?.WriteConfig(regions.Select(r => (r, listeners.Endpoints[r])).ToList(), store.Compartments.Select(c => (c.Name, c.Id, c.ParentId)), identity);
            logger.LogInformation("Emulator started on {Addresses} with {Keys} trusted keys, random seed {Seed}",
                string.Join(", ", listeners.Endpoints.Select(e => e.Key + "=" + e.Value)), keys.Count, seed);
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

    private static LifecycleDurations Durations(EmulatorOptions options)
    {
        TimeSpan restore = options.RestoreDuration ?? options.BackupDuration;
        return new LifecycleDurations(options.BackupDuration, options.BackupDurationJitter, options.CopyDuration ?? options.BackupDuration,
            restore, options.HydrationDuration ?? restore, options.DeleteDuration, options.TerminatedRetention);
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
