using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OciBackup.Bench.EmulatorThroughput;
using OciBackup.Emulator;

// Signed requests per second the emulator sustains. By default it starts an emulator in this process (sharing
// the machine's cores with the client, as later benchmarks will), trusting a key generated here; with
// --emulator-json it targets a running emulator started with --init-config.
var settings = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["--seconds"] = "5",
    ["--concurrency"] = "32",
    ["--emulator-json"] = "",
};
bool signEveryRequest = false;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--sign-every-request")
    {
        signEveryRequest = true;
    }
    else if (args[i] is "--help" or "-h")
    {
        Console.WriteLine("EmulatorThroughput [--seconds N (per phase, default 5)] [--concurrency N (default 32)] [--emulator-json PATH] [--sign-every-request]");
        return 0;
    }
    else if (settings.ContainsKey(args[i]) && i + 1 < args.Length)
    {
        settings[args[i]] = args[++i];
    }
    else
    {
        Console.Error.WriteLine("unknown argument " + args[i] + " (see --help)");
        return 2;
    }
}

TimeSpan phase = TimeSpan.FromSeconds(double.Parse(settings["--seconds"], CultureInfo.InvariantCulture));
int concurrency = int.Parse(settings["--concurrency"], CultureInfo.InvariantCulture);

EmulatorHost? host = null;
Uri baseAddress;
RSA key;
string keyId;
string compartmentId;
string target = "in-process emulator";
if (settings["--emulator-json"].Length > 0)
{
    JsonElement d = JsonDocument.Parse(File.ReadAllText(settings["--emulator-json"])).RootElement;
    baseAddress = new Uri(d.GetProperty("url").GetString()!.TrimEnd('/') + "/");
    key = RSA.Create();
    key.ImportFromPem(File.ReadAllText(d.GetProperty("keyFile").GetString()!));
    keyId = d.GetProperty("tenancyId").GetString() + "/" + d.GetProperty("userId").GetString() + "/" + d.GetProperty("fingerprint").GetString();
    compartmentId = d.GetProperty("compartments")[0].GetProperty("id").GetString()!;
    target = "emulator at " + baseAddress;
}
else
{
    key = RSA.Create(2048);
    var options = new EmulatorOptions { RandomSeed = 1, BackupDuration = TimeSpan.FromSeconds(1) };
    options.TrustedPublicKeyPems.Add(key.ExportSubjectPublicKeyInfoPem());
    options.CompartmentNames.Add("bench");
    host = await EmulatorHost.StartAsync(options, CancellationToken.None);
    baseAddress = host.BaseAddress;
    string fingerprint = string.Join(':', MD5.HashData(key.ExportSubjectPublicKeyInfo()).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    keyId = "ocid1.tenancy.oc1..bench/ocid1.user.oc1..bench/" + fingerprint;
    compartmentId = host.Compartments[0].Id;
}

var signer = new RequestSigner(key, keyId, signEveryRequest);
using var http = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = concurrency,
    UseCookies = false,
    AutomaticDecompression = DecompressionMethods.None,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
});
Uri Api(string pathAndQuery) => new(baseAddress, "20160918" + pathAndQuery);

// A volume to back up and a backup to read.
using HttpResponseMessage volumes = await http.SendAsync(signer.Get(Api("/volumes?compartmentId=" + Uri.EscapeDataString(compartmentId))));
volumes.EnsureSuccessStatusCode();
string volumeId = JsonDocument.Parse(await volumes.Content.ReadAsStringAsync()).RootElement[0].GetProperty("id").GetString()!;
byte[] body = Encoding.UTF8.GetBytes("{\"volumeId\":\"" + volumeId + "\",\"displayName\":\"bench\"}");
string bodySha = Convert.ToBase64String(SHA256.HashData(body));
using HttpResponseMessage first = await http.SendAsync(signer.Post(Api("/volumeBackups"), body, bodySha, "bench-seed"));
first.EnsureSuccessStatusCode();
string backupId = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
Uri getUri = Api("/volumeBackups/" + backupId);
Uri createUri = Api("/volumeBackups");
long tokenCounter = 0;

Console.WriteLine($"Emulator throughput: {target}, {Environment.ProcessorCount} cores, {concurrency} concurrent requests, {phase.TotalSeconds:0} s per phase, "
    + (signEveryRequest ? "every request signed anew" : "signatures reused within their Date second"));
await RunPhase("warm-up", TimeSpan.FromSeconds(1), () => signer.Get(getUri), print: false);
PhaseResult gets = await RunPhase("signed GET  (GetVolumeBackup)   ", phase, () => signer.Get(getUri));
PhaseResult creates = await RunPhase("signed POST (CreateVolumeBackup)", phase,
    () => signer.Post(createUri, body, bodySha, "bench-" + Interlocked.Increment(ref tokenCounter).ToString(CultureInfo.InvariantCulture)));
Console.WriteLine($"creates/GETs ratio: {creates.PerSecond / gets.PerSecond:0.00}; client signatures computed: {signer.Signatures}");
if (host is not null)
{
    Console.WriteLine($"emulator counted {host.Statistics.AuthenticatedRequests} authenticated requests, {host.Statistics.AuthenticationFailures} refused, "
        + $"{host.Statistics.TotalVolumeBackups} backups");
    await host.DisposeAsync();
}

return gets.Errors + creates.Errors == 0 ? 0 : 1;

async Task<PhaseResult> RunPhase(string name, TimeSpan duration, Func<HttpRequestMessage> makeRequest, bool print = true)
{
    long ok = 0, errors = 0;
    var latencies = new List<double>[concurrency];
    var stopwatch = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, concurrency).Select(async w =>
    {
        var mine = latencies[w] = new List<double>(100_000);
        while (stopwatch.Elapsed < duration)
        {
            long started = Stopwatch.GetTimestamp();
            using HttpRequestMessage request = makeRequest();
            using HttpResponseMessage response = await http.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref ok);
            }
            else
            {
                Interlocked.Increment(ref errors);
            }
        }
    }).ToArray();
    await Task.WhenAll(workers);
    double seconds = stopwatch.Elapsed.TotalSeconds;
    double[] sorted = latencies.SelectMany(l => l).Order().ToArray();
    var result = new PhaseResult((ok + errors) / seconds, errors);
    if (print)
    {
        Console.WriteLine($"{name}: {result.PerSecond,8:0} req/s   p50 {Percentile(sorted, 0.50):0.00} ms   p99 {Percentile(sorted, 0.99):0.00} ms   "
            + $"{ok + errors} requests, {errors} not 200");
    }

    return result;
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

internal readonly record struct PhaseResult(double PerSecond, long Errors);
