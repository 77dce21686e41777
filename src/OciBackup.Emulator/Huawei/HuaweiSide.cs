using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OciBackup.Emulator.Faults;
using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator.Huawei;

/// <summary>
/// The Huawei Cloud side of a running emulator: VBS and RDS of one region and project, each on its own 127.0.0.1
/// port, their inventory and counters, and the credentials they accept (generated ones written to huawei.json in the
/// --init-config folder). The faults in force are the emulator's, shared with the OCI side.
/// </summary>
public sealed class HuaweiSide
{
    public const string DescriptorFileName = "huawei.json";

    private readonly HuaweiStore _store;
    private HuaweiApiMiddleware? _middleware;
    private int _vbsPort = -1;
    private int _rdsPort = -1;

    private HuaweiSide(HuaweiOptions options, HuaweiStore store, HuaweiCredential credential, HuaweiCredential temporary, TimeSpan backupDuration)
    {
        Options = options;
        _store = store;
        Credential = credential;
        TemporaryCredential = temporary;
        BackupDuration = backupDuration;
    }

    public HuaweiOptions Options { get; }

    public string Region => _store.Region;

    public string ProjectId => _store.ProjectId;

    /// <summary>A permanent AK/SK the emulator accepts (generated).</summary>
    public HuaweiCredential Credential { get; }

    /// <summary>A temporary AK/SK and security token the emulator accepts (generated).</summary>
    public HuaweiCredential TemporaryCredential { get; }

    public TimeSpan BackupDuration { get; }

    public HuaweiStatistics Statistics { get; } = new();

    public Uri VbsEndpoint => new($"http://127.0.0.1:{_vbsPort}/");

    public Uri RdsEndpoint => new($"http://127.0.0.1:{_rdsPort}/");

    public IReadOnlyList<string> VolumeIds => _store.Volumes.Select(v => v.Id).ToList();

    public IReadOnlyList<string> InstanceIds => _store.Instances.Select(i => i.Id).ToList();

    internal HuaweiStore Store => _store;

    /// <summary>VBS creates performed for a disk (jobs made): the exactly-once counter.</summary>
    public long VolumeBackupsCreated(string volumeId) => _store.FindVolume(volumeId)?.BackupsCreated ?? 0;

    /// <summary>Manual backups made of an RDS instance.</summary>
    public long RdsBackupsCreated(string instanceId) => _store.FindInstance(instanceId)?.BackupsCreated ?? 0;

    internal static HuaweiSide Prepare(HuaweiOptions options, TimeSpan defaultBackupDuration, int seed)
    {
        var random = new RandomSource(unchecked(seed + 101));
        string projectId = options.ProjectId ?? HuaweiStore.Hex32(random);
        var store = new HuaweiStore(options.Region, projectId, random);
        store.Populate(options.Volumes, options.Instances);
        var credential = new HuaweiCredential(Draw(random, 20, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), Draw(random, 40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"));
        var temporary = new HuaweiCredential(Draw(random, 20, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), Draw(random, 40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
            "gQpjbi1" + Draw(random, 96, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") + "==");
        return new HuaweiSide(options, store, credential, temporary, options.BackupDuration ?? defaultBackupDuration);
    }

    internal void Start(EmulatorClock clock, FaultInjector faults, int seed, ILogger logger, CancellationToken stopping)
    {
        var random = new RandomSource(unchecked(seed + 102));
        var verifier = new HuaweiSignatureVerifier(new[] { Credential, TemporaryCredential }.Concat(Options.TrustedCredentials));
        _middleware = new HuaweiApiMiddleware(
            new VbsApi(_store, clock, random, Options.JobStartDuration, BackupDuration),
            new RdsApi(_store, clock, random, BackupDuration),
            verifier, faults, clock, Statistics, logger, stopping);
    }

    internal void Bind(int vbsPort, int rdsPort)
    {
        _vbsPort = vbsPort;
        _rdsPort = rdsPort;
    }

    /// <summary>The service whose listener took the request's connection, or null for the OCI side's.</summary>
    internal HuaweiService? ServiceOf(HttpContext context) =>
        context.Connection.LocalPort == _vbsPort ? HuaweiService.Vbs : context.Connection.LocalPort == _rdsPort ? HuaweiService.Rds : null;

    internal Task InvokeAsync(HttpContext context, HuaweiService service) => _middleware!.InvokeAsync(context, service);

    /// <summary>Writes huawei.json (region, project, endpoints and the generated credentials) into the --init-config folder, readable by its owner only.</summary>
    internal string WriteDescriptor(string directory)
    {
        string path = Path.Combine(Path.GetFullPath(directory), DescriptorFileName);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("region", Region);
            writer.WriteString("projectId", ProjectId);
            writer.WriteString("vbsUrl", VbsEndpoint.ToString().TrimEnd('/'));
            writer.WriteString("rdsUrl", RdsEndpoint.ToString().TrimEnd('/'));
            writer.WriteString("accessKey", Credential.AccessKey);
            writer.WriteString("secretKey", Credential.SecretKey);
            writer.WriteStartObject("temporary");
            writer.WriteString("accessKey", TemporaryCredential.AccessKey);
            writer.WriteString("secretKey", TemporaryCredential.SecretKey);
            writer.WriteString("securityToken", TemporaryCredential.SecurityToken);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        File.WriteAllBytes(path, stream.ToArray());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    private static string Draw(RandomSource random, int length, string alphabet)
    {
        Span<byte> bytes = stackalloc byte[length];
        random.NextBytes(bytes);
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = alphabet[bytes[i] % alphabet.Length];
        }

        return new string(chars);
    }
}
