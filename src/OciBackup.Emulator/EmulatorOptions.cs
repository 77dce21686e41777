using Microsoft.Extensions.Logging;
using OciBackup.Emulator.Inventory;

namespace OciBackup.Emulator;

/// <summary>Everything an emulator run is started with. The command line maps onto this one to one.</summary>
public sealed class EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1 of the first region; 0 picks a free ephemeral port. Other regions always get ephemeral ports.</summary>
    public int Port { get; set; }

    /// <summary>
    /// The first (home) region: the region of the generated config, of <see cref="EmulatorHost.BaseAddress"/>, and of seed
    /// items that name none. Used in OCIDs and availability domain names.
    /// </summary>
    public string Region { get; set; } = "us-ashburn-1";

    /// <summary>More regions served at once, each on its own port; a resource lives in one region and is 404 at another's endpoint.</summary>
    public IList<string> AdditionalRegions { get; } = new List<string>();

    /// <summary><see cref="Region"/>, then <see cref="AdditionalRegions"/>.</summary>
    public IReadOnlyList<string> AllRegions => new[] { Region }.Concat(AdditionalRegions).ToList();

    /// <summary>The tenancy the compartments hang under; null takes the generated config's, else one derived from the name "emulator".</summary>
    public string? TenancyId { get; set; }

    /// <summary>The emulator's clock: signature dates, lifecycles, retry-token expiry and delays all use it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Seed for every random choice (OCIDs, jitter, fault and FAULTY draws); null draws a seed.</summary>
    public int? RandomSeed { get; set; }

    /// <summary>Public key PEM files (SPKI or PKCS#1) whose fingerprint is trusted for any tenancy and user.</summary>
    public IList<string> TrustedPublicKeyFiles { get; } = new List<string>();

    /// <summary>Public key PEM texts, trusted like <see cref="TrustedPublicKeyFiles"/>.</summary>
    public IList<string> TrustedPublicKeyPems { get; } = new List<string>();

    /// <summary>OCI config files whose profile's key (and session token, if any) is trusted.</summary>
    public IList<TrustedOciConfig> TrustedOciConfigs { get; } = new List<TrustedOciConfig>();

    /// <summary>Session tokens (keyId <c>ST$&lt;token&gt;</c>) trusted together with their public key.</summary>
    public IList<TrustedSessionToken> TrustedSessionTokens { get; } = new List<TrustedSessionToken>();

    /// <summary>
    /// Also accept any session token whose <c>jwk</c> claim is a real RSA JWK, verifying with that key.
    /// Off by default: the emulator cannot check the token's own signature (only OCI's identity service can).
    /// </summary>
    public bool TrustJwkSessionTokens { get; set; }

    /// <summary>When set, write a throwaway key pair, an OCI config file and emulator.json into this directory and trust the key.</summary>
    public string? InitConfigDirectory { get; set; }

    /// <summary>Profile name used in the generated config file.</summary>
    public string InitConfigProfile { get; set; } = "DEFAULT";

    /// <summary>JSON seed file with the inventory; when null the generated inventory below is used.</summary>
    public string? SeedFile { get; set; }

    /// <summary>Inventory given in code (tests); takes precedence over <see cref="SeedFile"/>.</summary>
    public EmulatorSeed? Seed { get; set; }

    /// <summary>Names of the compartments of the generated inventory.</summary>
    public IList<string> CompartmentNames { get; } = new List<string>();

    public int VolumesPerCompartment { get; set; } = 3;

    public int VolumeGroupsPerCompartment { get; set; } = 1;

    public int VolumesPerGroup { get; set; } = 2;

    /// <summary>Time from request to AVAILABLE (or FAULTY) for a volume backup; a group backup takes as long as its slowest member.</summary>
    public TimeSpan BackupDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Up to this much is added at random to each backup's duration.</summary>
    public TimeSpan BackupDurationJitter { get; set; } = TimeSpan.Zero;

    /// <summary>Time from a copy request to the copy being AVAILABLE (or FAULTY) in the destination region; null: <see cref="BackupDuration"/>.</summary>
    public TimeSpan? CopyDuration { get; set; }

    /// <summary>Time a volume or volume group created by the API (restored, or blank) is PROVISIONING; null: <see cref="BackupDuration"/>.</summary>
    public TimeSpan? RestoreDuration { get; set; }

    /// <summary>Time after a restored volume is AVAILABLE until its data has arrived (isHydrated); null: the restore duration.</summary>
    public TimeSpan? HydrationDuration { get; set; }

    /// <summary>Time a deleted backup is TERMINATING before it is TERMINATED.</summary>
    public TimeSpan DeleteDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time a TERMINATED backup is still shown; after it, GET is 404 and lists leave it out.</summary>
    public TimeSpan TerminatedRetention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a retry token is remembered.</summary>
    public TimeSpan RetryTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Faults active from the start; change them at run time through <see cref="EmulatorHost.Faults"/> or the admin endpoint.</summary>
    public FaultSettings Faults { get; set; } = new();

    /// <summary>When set, admin requests must carry it in the <c>x-admin-token</c> header.</summary>
    public string? AdminToken { get; set; }

    /// <summary>Minimum level written to the console. Per-request lines are Debug; refused signatures are Warning.</summary>
    public LogLevel LogLevel { get; set; } = LogLevel.Warning;

    /// <summary>Write log lines to the console (the executable does; in-process hosts default to no console).</summary>
    public bool LogToConsole { get; set; }

    /// <summary>Extra logging set-up (tests add a capturing provider here).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>Instance metadata and federation endpoints, resource principal, Cloud Shell and session-token files (all off by default).</summary>
    public Identity.IdentityOptions Identity { get; } = new();

    /// <summary>The Huawei Cloud side: VBS and RDS on ports of their own (off by default).</summary>
    public Huawei.HuaweiOptions Huawei { get; } = new();

    /// <summary>Page size when a list request gives no <c>limit</c>.</summary>
    public int DefaultPageSize { get; set; } = 100;
}
