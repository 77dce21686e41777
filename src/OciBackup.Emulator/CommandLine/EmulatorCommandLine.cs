using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace OciBackup.Emulator.CommandLine;

/// <summary>
/// Parses the executable's arguments into <see cref="EmulatorOptions"/>. The option table is the single source of
/// both parsing and <c>--help</c>, so help cannot miss an option. Accepts <c>--name value</c> and <c>--name=value</c>.
/// </summary>
internal sealed class EmulatorCommandLine
{
    public static readonly IReadOnlyList<CommandLineOption> Options = new CommandLineOption[]
    {
        new("--port", "N", "TCP port on 127.0.0.1 of the first region (default 0: a free ephemeral port; other regions always get one).", (c, v) => c.Emulator.Port = Int(v, "--port", 0, 65535)),
        new("--region", "REGION", "Region served, each on its own port; repeat for several (default us-ashburn-1). The first is the home region.", (c, v) => c.AddRegion(v)),
        new("--seed-file", "PATH", "JSON inventory (compartments and sub-compartments, volumes and volume groups per region, tags, backdated backups); see docs/emulator.md.", (c, v) => c.Emulator.SeedFile = v),
        new("--compartment", "NAME", "Compartment of the generated inventory, in every region; repeat for several (default: one named 'emulator'); parent/child for a sub-compartment.", (c, v) => c.Emulator.CompartmentNames.Add(v)),
        new("--volumes", "N", "Stand-alone volumes per generated compartment (default 3).", (c, v) => c.Emulator.VolumesPerCompartment = Int(v, "--volumes", 0, 10_000)),
        new("--volume-groups", "N", "Volume groups per generated compartment (default 1).", (c, v) => c.Emulator.VolumeGroupsPerCompartment = Int(v, "--volume-groups", 0, 1_000)),
        new("--volumes-per-group", "N", "Volumes in each generated volume group (default 2, at most 64).", (c, v) => c.Emulator.VolumesPerGroup = Int(v, "--volumes-per-group", 0, 64)),
        new("--trust-public-key", "PEM", "Trust this public key file (SPKI or PKCS#1 PEM) for any tenancy/user; repeatable.", (c, v) => c.Emulator.TrustedPublicKeyFiles.Add(v)),
        new("--trust-oci-config", "PATH", "Trust the key (or session token) of a profile of this OCI config file; repeatable.", (c, v) => c.AddOciConfig(v)),
        new("--profile", "NAME", "Profile of the preceding --trust-oci-config, and of the --init-config file (default DEFAULT).", (c, v) => c.SetProfile(v)),
        new("--trust-session-token", "TOKEN_FILE=PUBLIC_KEY_PEM", "Trust a session token (keyId ST$<token>) signed with the key whose public PEM is given; repeatable.", (c, v) => c.AddSessionToken(v)),
        new("--trust-jwk-session-tokens", null, "Also trust any session token whose jwk claim is a real RSA JWK (its own signature is not checked).", (c, _) => c.Emulator.TrustJwkSessionTokens = true),
        new("--init-config", "DIR", "Write a throwaway key pair, an OCI config and emulator.json into DIR, and trust that key.", (c, v) => c.Emulator.InitConfigDirectory = v),
        new("--delete-init-config-on-exit", null, "Remove the --init-config folder (key, config, emulator.json) when the emulator exits, however it is stopped.", (c, _) => c.DeleteInitConfigOnExit = true),
        new("--backup-seconds", "S", "Seconds from request to AVAILABLE (or FAULTY) for a backup (default 10).", (c, v) => c.Emulator.BackupDuration = Seconds(v, "--backup-seconds")),
        new("--backup-jitter-seconds", "S", "Up to S more seconds per backup or copy, drawn at random (default 0).", (c, v) => c.Emulator.BackupDurationJitter = Seconds(v, "--backup-jitter-seconds")),
        new("--copy-seconds", "S", "Seconds from a copy request to the copy being AVAILABLE in its region (default: --backup-seconds).", (c, v) => c.Emulator.CopyDuration = Seconds(v, "--copy-seconds")),
        new("--restore-seconds", "S", "Seconds a restored (or blank) volume or volume group is PROVISIONING (default: --backup-seconds).", (c, v) => c.Emulator.RestoreDuration = Seconds(v, "--restore-seconds")),
        new("--hydration-seconds", "S", "Seconds after a restored volume is AVAILABLE until isHydrated is true (default: --restore-seconds).", (c, v) => c.Emulator.HydrationDuration = Seconds(v, "--hydration-seconds")),
        new("--delete-seconds", "S", "Seconds a deleted backup is TERMINATING before TERMINATED (default 1).", (c, v) => c.Emulator.DeleteDuration = Seconds(v, "--delete-seconds")),
        new("--terminated-retention-seconds", "S", "Seconds a TERMINATED backup is still shown; then GET is 404 and lists leave it out (default 3600).", (c, v) => c.Emulator.TerminatedRetention = Seconds(v, "--terminated-retention-seconds")),
        new("--faulty-share", "F", "Share (0-1) of new backups that end FAULTY (default 0).", (c, v) => c.Faults = c.Faults with { FaultyBackupShare = Share(v, "--faulty-share") }),
        new("--random-seed", "N", "Seed for every random choice, for reproducible runs (default: drawn).", (c, v) => c.Emulator.RandomSeed = Int(v, "--random-seed", int.MinValue, int.MaxValue)),
        new("--rate-limit", "RPS", "Service-side rate limit in requests per second; over it: 429 TooManyRequests with Retry-After (default 0: off).", (c, v) => c.Faults = c.Faults with { RateLimitPerSecond = NonNegative(v, "--rate-limit") }),
        new("--fault-500-share", "F", "Share of authenticated requests answered 500 InternalServerError.", (c, v) => c.Faults = c.Faults with { InternalServerErrorShare = Share(v, "--fault-500-share") }),
        new("--fault-503-share", "F", "Share of authenticated requests answered 503 ServiceUnavailable.", (c, v) => c.Faults = c.Faults with { ServiceUnavailableShare = Share(v, "--fault-503-share") }),
        new("--fault-409-share", "F", "Share of writes (creates, copies, deletes, restores) answered 409 IncorrectState (nothing done).", (c, v) => c.Faults = c.Faults with { IncorrectStateShare = Share(v, "--fault-409-share") }),
        new("--fault-drop-share", "F", "Share of writes (creates, copies, deletes, restores) performed whose connection is then cut with no response.", (c, v) => c.Faults = c.Faults with { DropResponseShare = Share(v, "--fault-drop-share") }),
        new("--fault-error-after-write-share", "F", "Share of writes (creates, copies, deletes, restores) performed and then answered 500 all the same.", (c, v) => c.Faults = c.Faults with { ErrorAfterWriteShare = Share(v, "--fault-error-after-write-share") }),
        new("--fault-slow-share", "F", "Share of requests performed and answered only after --slow-response-seconds.", (c, v) => c.Faults = c.Faults with { SlowResponseShare = Share(v, "--fault-slow-share") }),
        new("--slow-response-seconds", "S", "Delay of a slow response (default 30).", (c, v) => c.Faults = c.Faults with { SlowResponseSeconds = NonNegative(v, "--slow-response-seconds") }),
        new("--latency-ms", "MS", "Latency added to every API request.", (c, v) => c.Faults = c.Faults with { LatencyMilliseconds = NonNegative(v, "--latency-ms") }),
        new("--latency-jitter-ms", "MS", "Up to MS more latency per request, drawn at random.", (c, v) => c.Faults = c.Faults with { LatencyJitterMilliseconds = NonNegative(v, "--latency-jitter-ms") }),
        new("--clock-skew-seconds", "S", "Shift the emulator's clock by S seconds (negative: behind); beyond 300 s signed requests get 401.", (c, v) => c.Faults = c.Faults with { ClockSkewSeconds = Number(v, "--clock-skew-seconds") }),
        new("--instance-principal", null, "Serve an instance metadata service and a federation endpoint, each on its own 127.0.0.1 port (instance principals).", (c, _) => c.Emulator.Identity.InstancePrincipal = true),
        new("--metadata-port", "N", "Port of the instance metadata service (default 0: ephemeral); implies --instance-principal.", (c, v) => { c.Emulator.Identity.MetadataPort = Int(v, "--metadata-port", 0, 65535); c.Emulator.Identity.InstancePrincipal = true; }),
        new("--federation-port", "N", "Port of the federation endpoint (default 0: ephemeral); implies --instance-principal.", (c, v) => { c.Emulator.Identity.FederationPort = Int(v, "--federation-port", 0, 65535); c.Emulator.Identity.InstancePrincipal = true; }),
        new("--token-lifetime-seconds", "S", "Lifetime of every token the emulator issues (default 1200); requests with an expired one get 401.", (c, v) => c.Emulator.Identity.TokenLifetime = PositiveSeconds(v, "--token-lifetime-seconds")),
        new("--leaf-rotation-seconds", "S", "Replace the instance's leaf certificate every S seconds (default: never); the old one is refused.", (c, v) => c.Emulator.Identity.LeafRotationInterval = PositiveSeconds(v, "--leaf-rotation-seconds")),
        new("--federation-fault-500-share", "F", "Share of federation requests answered 500.", (c, v) => c.Emulator.Identity.FederationFaults = c.Emulator.Identity.FederationFaults with { ServerErrorShare = Share(v, "--federation-fault-500-share") }),
        new("--federation-fault-drop-share", "F", "Share of federation requests whose connection is cut with no response.", (c, v) => c.Emulator.Identity.FederationFaults = c.Emulator.Identity.FederationFaults with { DropShare = Share(v, "--federation-fault-drop-share") }),
        new("--federation-fault-slow-share", "F", "Share of federation requests answered only after --federation-slow-seconds.", (c, v) => c.Emulator.Identity.FederationFaults = c.Emulator.Identity.FederationFaults with { SlowShare = Share(v, "--federation-fault-slow-share") }),
        new("--federation-slow-seconds", "S", "Delay of a slow federation response (default 30).", (c, v) => c.Emulator.Identity.FederationFaults = c.Emulator.Identity.FederationFaults with { SlowSeconds = NonNegative(v, "--federation-slow-seconds") }),
        new("--init-resource-principal", "DIR", "Write resource principal 2.2 files (rpst, private.pem, environment.json) into DIR and renew the token at half its life.", (c, v) => c.Emulator.Identity.ResourcePrincipalDirectory = Path.GetFullPath(v)),
        new("--resource-principal-pass-phrase", "TEXT", "Encrypt the resource principal key with this pass phrase (written to DIR/passphrase).", (c, v) => c.Emulator.Identity.ResourcePrincipalPassPhrase = v),
        new("--init-cloud-shell", "DIR", "Write a Cloud Shell set-up (config, delegation_token, environment.json) into DIR; implies --instance-principal.", (c, v) => { c.Emulator.Identity.CloudShellDirectory = Path.GetFullPath(v); c.Emulator.Identity.InstancePrincipal = true; }),
        new("--init-session-token", "DIR", "Write a session-token profile (config, token, session_key.pem) into DIR, as 'oci session authenticate' would.", (c, v) => c.Emulator.Identity.SessionTokenDirectory = Path.GetFullPath(v)),
        new("--huawei", null, "Also serve Huawei Cloud's Volume Backup Service and RDS (v3 backups), each on its own 127.0.0.1 port, signed with SDK-HMAC-SHA256.", (c, _) => c.Emulator.Huawei.Enabled = true),
        new("--huawei-region", "REGION", "Region of the Huawei side (default cn-north-4); implies --huawei.", (c, v) => { c.Emulator.Huawei.Region = HuaweiRegion(v); c.Emulator.Huawei.Enabled = true; }),
        new("--huawei-project-id", "ID", "Project id in the Huawei paths (default: drawn, 32 hexadecimal digits); implies --huawei.", (c, v) => { c.Emulator.Huawei.ProjectId = HuaweiProject(v); c.Emulator.Huawei.Enabled = true; }),
        new("--huawei-vbs-port", "N", "Port of the Volume Backup Service (default 0: ephemeral); implies --huawei.", (c, v) => { c.Emulator.Huawei.VbsPort = Int(v, "--huawei-vbs-port", 0, 65535); c.Emulator.Huawei.Enabled = true; }),
        new("--huawei-rds-port", "N", "Port of RDS (default 0: ephemeral); implies --huawei.", (c, v) => { c.Emulator.Huawei.RdsPort = Int(v, "--huawei-rds-port", 0, 65535); c.Emulator.Huawei.Enabled = true; }),
        new("--huawei-volumes", "N", "EVS disks of the Huawei inventory (default 3); implies --huawei.", (c, v) => { c.Emulator.Huawei.Volumes = Int(v, "--huawei-volumes", 0, 100_000); c.Emulator.Huawei.Enabled = true; }),
        new("--huawei-instances", "N", "RDS instances of the Huawei inventory (default 2; MySQL, PostgreSQL and SQL Server in turn); implies --huawei.", (c, v) => { c.Emulator.Huawei.Instances = Int(v, "--huawei-instances", 0, 100_000); c.Emulator.Huawei.Enabled = true; }),
        new("--huawei-job-start-seconds", "S", "Seconds a VBS job is INIT before its backup record exists (default 1).", (c, v) => c.Emulator.Huawei.JobStartDuration = Seconds(v, "--huawei-job-start-seconds")),
        new("--huawei-backup-seconds", "S", "Seconds from a running VBS job (or an RDS create) to the backup being done (default: --backup-seconds).", (c, v) => c.Emulator.Huawei.BackupDuration = Seconds(v, "--huawei-backup-seconds")),
        new("--huawei-credentials", "AK:SK", "Also accept this AK/SK pair (the generated ones are in the --init-config folder's huawei.json); repeatable; implies --huawei.", (c, v) => c.AddHuaweiCredential(v)),
        new("--admin-token", "TOKEN", "Require this value in the x-admin-token header of /admin requests (default: none).", (c, v) => c.Emulator.AdminToken = v),
        new("--parent-process-id", "PID", "Stop when the process with this id exits, even if it is killed (checked every second); Ctrl+C no longer stops it, SIGTERM and POST /admin/shutdown do.", (c, v) => c.ParentProcessId = Int(v, "--parent-process-id", 1, int.MaxValue)),
        new("--log-level", "LEVEL", "Trace, Debug, Information, Warning (default), Error, Critical or None.", (c, v) => c.Emulator.LogLevel = Level(v)),
        new("--verbose", null, "Same as --log-level Debug: one line per request.", (c, _) => c.Emulator.LogLevel = LogLevel.Debug),
        new("--help", null, "Show this help and exit.", (c, _) => c.ShowHelp = true),
    };

    private TrustedOciConfig? _lastOciConfig;
    private bool _regionGiven;

    public EmulatorOptions Emulator { get; } = new() { LogToConsole = true };

    public FaultSettings Faults { get; set; } = new();

    public bool ShowHelp { get; private set; }

    /// <summary>Remove the throwaway folder of <c>--init-config</c> on exit (<c>--delete-init-config-on-exit</c>).</summary>
    public bool DeleteInitConfigOnExit { get; private set; }

    /// <summary>The process whose exit stops the emulator (<c>--parent-process-id</c>), e.g. the PowerShell that started it.</summary>
    public int? ParentProcessId { get; private set; }

    /// <summary>Parses; throws <see cref="ArgumentException"/> with a message fit for the user.</summary>
    public static EmulatorCommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new EmulatorCommandLine();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string name = arg;
            string? value = null;
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg[..equals];
                value = arg[(equals + 1)..];
            }

            if (name is "-h" or "-?")
            {
                name = "--help";
            }

            CommandLineOption option = Options.FirstOrDefault(o => o.Name == name)
                ?? throw new ArgumentException($"Unknown option '{arg}'. Run with --help for the list.");
            if (option.IsSwitch)
            {
                if (value is not null)
                {
                    throw new ArgumentException($"{option.Name} takes no value.");
                }

                option.Apply(result, "");
                continue;
            }

            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{option.Name} needs a value ({option.Argument}).");
                }

                value = args[++i];
            }

            option.Apply(result, value);
        }

        if (result.Emulator.Huawei.Enabled && result.Emulator.InitConfigDirectory is null && result.Emulator.Huawei.TrustedCredentials.Count == 0 && !result.ShowHelp)
        {
            throw new ArgumentException("--huawei needs --init-config DIR (where its generated AK/SK are written) or --huawei-credentials AK:SK.");
        }

        result.Emulator.Faults = result.Faults.Validated();
        result.Emulator.Identity.FederationFaults.Validated();
        return result;
    }

    public static string HelpText()
    {
        var text = new StringBuilder()
            .AppendLine("OciBackup OCI emulator: a local stand-in for the OCI Block Volume API (/20160918: volumes, volume groups, backups,")
            .AppendLine("cross-region copies, restores, deletes, work requests) and the Identity reads (compartments, availability domains),")
            .AppendLine("with real signature checks, lifecycles, retry tokens and injectable faults, for one or several regions at once.")
            .AppendLine("Listens on 127.0.0.1 only, one port per region.")
            .AppendLine()
            .AppendLine("Usage: OciBackup.Emulator [options]")
            .AppendLine()
            .AppendLine("Options:");
        foreach (CommandLineOption option in Options)
        {
            string left = option.Argument is null ? option.Name : option.Name + " " + option.Argument;
            text.Append("  ").Append(left.PadRight(34)).Append(' ').AppendLine(option.Help);
        }

        return text
            .AppendLine()
            .AppendLine("On start it prints one line 'OCI emulator listening on http://127.0.0.1:PORT' (the first region's endpoint), then a line")
            .AppendLine("'  region REGION: http://127.0.0.1:PORT' per region, and the identity side's addresses and files when asked for.")
            .AppendLine("Stop with Ctrl+C or SIGTERM. The identity side plays one instance (or function, Cloud Shell, session) in the first region;")
            .AppendLine("the tokens it issues are accepted at every region's port.")
            .AppendLine("Admin endpoint (on every region's port): GET /admin/state, GET /admin/inventory, GET|PUT|DELETE /admin/faults,")
            .AppendLine("GET|PUT /admin/identity, GET /admin/backups/{id}, POST /admin/volumeBackups and /admin/volumeGroupBackups (backdated")
            .AppendLine("backups), POST /admin/shutdown; with --huawei, GET /admin/huawei/state, /admin/huawei/inventory and")
            .AppendLine("/admin/huawei/{volumes|instances}/{id}/backup-count. The Huawei side prints '  huawei vbs: URL' and '  huawei rds: URL' and")
            .AppendLine("shares the faults in force with the OCI side. Docs: docs/emulator.md.")
            .ToString();
    }

    private void AddRegion(string region)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(region, "^[a-z][a-z0-9-]*[a-z0-9]$"))
        {
            throw new ArgumentException($"--region needs a region identifier such as us-phoenix-1, not '{region}'.");
        }

        if (_regionGiven && (Emulator.Region == region || Emulator.AdditionalRegions.Contains(region)))
        {
            throw new ArgumentException($"--region {region} is given twice.");
        }

        if (_regionGiven)
        {
            Emulator.AdditionalRegions.Add(region);
        }
        else
        {
            Emulator.Region = region;
            _regionGiven = true;
        }
    }

    private void AddHuaweiCredential(string value)
    {
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1)
        {
            throw new ArgumentException("--huawei-credentials needs AK:SK.");
        }

        Emulator.Huawei.TrustedCredentials.Add(new Huawei.HuaweiCredential(value[..colon], value[(colon + 1)..]));
        Emulator.Huawei.Enabled = true;
    }

    private static string HuaweiRegion(string region) =>
        System.Text.RegularExpressions.Regex.IsMatch(region, "^[a-z]{2,}(-[a-z0-9]+)*-[0-9]+$")
            ? region
            : throw new ArgumentException($"--huawei-region needs a Huawei Cloud region such as cn-north-4, not '{region}'.");

    private static string HuaweiProject(string projectId) =>
        System.Text.RegularExpressions.Regex.IsMatch(projectId, "^[A-Za-z0-9_-]{1,64}$")
            ? projectId
            : throw new ArgumentException($"--huawei-project-id needs 1 to 64 letters, digits, '-' and '_', not '{projectId}'.");

    private void AddOciConfig(string path)
    {
        _lastOciConfig = new TrustedOciConfig(path);
        Emulator.TrustedOciConfigs.Add(_lastOciConfig);
    }

    private void SetProfile(string profile)
    {
        if (_lastOciConfig is not null)
        {
            int index = Emulator.TrustedOciConfigs.IndexOf(_lastOciConfig);
            _lastOciConfig = _lastOciConfig with { Profile = profile };
            Emulator.TrustedOciConfigs[index] = _lastOciConfig;
        }

        Emulator.InitConfigProfile = profile;
    }

    private void AddSessionToken(string value)
    {
        int equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == value.Length - 1)
        {
            throw new ArgumentException("--trust-session-token needs TOKEN_FILE=PUBLIC_KEY_PEM.");
        }

        Emulator.TrustedSessionTokens.Add(new TrustedSessionToken(
            File.ReadAllText(value[..equals]).Trim(), File.ReadAllText(value[(equals + 1)..])));
    }

    private static int Int(string value, string name, int min, int max) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name} needs a whole number between {min} and {max}, not '{value}'.");

    private static double Number(string value, string name) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) && double.IsFinite(n)
            ? n
            : throw new ArgumentException($"{name} needs a number, not '{value}'.");

    private static double NonNegative(string value, string name) =>
        Number(value, name) is var n && n >= 0 ? n : throw new ArgumentException($"{name} must not be negative.");

    private static double Share(string value, string name) =>
        Number(value, name) is var n && n >= 0 && n <= 1 ? n : throw new ArgumentException($"{name} needs a share between 0 and 1, not '{value}'.");

    private static TimeSpan Seconds(string value, string name) => TimeSpan.FromSeconds(NonNegative(value, name));

    private static TimeSpan PositiveSeconds(string value, string name) =>
        NonNegative(value, name) is var n && n > 0 ? TimeSpan.FromSeconds(n) : throw new ArgumentException($"{name} must be more than 0.");

    private static LogLevel Level(string value) =>
        Enum.TryParse(value, ignoreCase: true, out LogLevel level) && Enum.IsDefined(level)
            ? level
            : throw new ArgumentException($"--log-level needs one of {string.Join(", ", Enum.GetNames<LogLevel>())}, not '{value}'.");
}
