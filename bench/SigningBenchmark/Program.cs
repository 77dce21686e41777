using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

// Measures, in one run and side by side, the CPU cost of one RSA-SHA256 signature for every PEM form
// with OciBackup's signer and with the two BouncyCastle-only paths Oracle's .NET SDK takes (PKCS#1:
// the parsed CRT key; PKCS#8: a key rebuilt from modulus and private exponent only), and the rest
// of a request's client work (build, serialise, sign string, send to an in-memory handler, parse);
// then the cost of reading each key file, ours beside BouncyCastle's OpenSSL PEM reader (the SDK's).
//
//   dotnet run -c Release --project bench/SigningBenchmark [-- --iterations 2000]
var iterations = args.Length >= 2 && args[0] == "--iterations" ? int.Parse(args[1]) : 1000;
var keys = Path.Combine(AppContext.BaseDirectory, "keys");
var forms = new (string File, string? Pass)[]
{
    ("test-rsa2048-pkcs1.pem", null),
    ("test-rsa2048-pkcs8.pem", null),
    ("test-rsa2048-pkcs1-encrypted-aes128.pem", "correct horse"),
    ("test-rsa2048-pkcs1-encrypted-des3.pem", "correct horse"),
    ("test-rsa2048-pkcs8-encrypted.pem", "correct horse"),
    ("test-rsa4096-pkcs1.pem", null),
};
var data = Encoding.UTF8.GetBytes("date: Mon, 23 Nov 2026 09:05:07 GMT\n(request-target): get /20160918/volumeBackups/ocid1.volumebackup.oc1.iad.x\nhost: iaas.us-ashburn-1.oraclecloud.com");

Console.WriteLine($"OciBackup signing benchmark — {iterations} signatures per measurement, thread CPU time per operation, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
Console.WriteLine();
Console.WriteLine($"{"PEM form",-42} {"ours ms",8} {"BC+CRT ms",10} {"BC no-CRT ms",13} {"SDK path ms",12} {"speed-up",9} {"rest ms",8}");
var worstSign = 0.0;
var worstRest = 0.0;
foreach (var (file, pass) in forms)
{
    var pem = File.ReadAllText(Path.Combine(keys, file));
    using var key = PrivateKeyReader.Read(pem, pass?.ToCharArray(), file);
    var crt = ReadCrt(pem, pass);
    var withCrt = new RsaDigestSigner(new Sha256Digest());
    var noCrtKey = new RsaKeyParameters(true, crt.Modulus, crt.Exponent);

    var ours = CpuMillisecondsPer(iterations, () => key.SignSha256(data));
    var bcCrt = CpuMillisecondsPer(Math.Max(50, iterations / 10), () => Sign(crt, data));
    var bcNoCrt = CpuMillisecondsPer(Math.Max(20, iterations / 40), () => Sign(noCrtKey, data));
    // What the SDK does for this file: PKCS#1 keeps the CRT key, PKCS#8 drops it.
    var sdk = file.Contains("pkcs8") ? bcNoCrt : bcCrt;
    var rest = await RestOfRequestMilliseconds(key, data, Math.Max(200, iterations / 2));
    worstSign = Math.Max(worstSign, file.Contains("4096") ? 0 : ours);
    worstRest = Math.Max(worstRest, rest);
    Console.WriteLine($"{file,-42} {ours,8:0.000} {bcCrt,10:0.000} {bcNoCrt,13:0.000} {sdk,12:0.000} {sdk / ours,8:0.0}x {rest,8:0.000}");
}

Console.WriteLine();
Console.WriteLine($"{"Reading the key (once per session)",-42} {"ours ms",8} {"SDK path ms",12} {"speed-up",9}");
foreach (var (file, pass) in forms)
{
    var pem = File.ReadAllText(Path.Combine(keys, file));
    var reads = file.Contains("4096") ? 20 : 200;
    var ours = CpuMillisecondsPer(reads, () => PrivateKeyReader.Read(pem, pass?.ToCharArray(), file).Dispose());
    // The SDK reads every form with BouncyCastle's OpenSSL PEM reader, whose key objects check the modulus.
    var sdk = CpuMillisecondsPer(reads, () => ReadCrt(pem, pass));
    Console.WriteLine($"{file,-42} {ours,8:0.000} {sdk,12:0.000} {sdk / ours,8:0.0}x");
}

Console.WriteLine();
Console.WriteLine("ours = OciBackup's RsaSigningKey (platform RSA with CRT); BC+CRT / BC no-CRT = BouncyCastle RsaDigestSigner with / without CRT parameters;");
Console.WriteLine("SDK path = the one Oracle's .NET SDK takes for that file; rest = one request's other client work (serialise, sign string, headers, send to an in-memory handler, parse the response).");
Console.WriteLine($"Goal RSA-2048: signature <= 1.2 ms (worst {worstSign:0.000} ms: {(worstSign <= 1.2 ? "met" : "NOT met")}); rest <= 0.3 ms (worst {worstRest:0.000} ms: {(worstRest <= 0.3 ? "met" : "NOT met")}).");
return 0;

static byte[] Sign(ICipherParameters key, byte[] data)
{
    var signer = new RsaDigestSigner(new Sha256Digest());
    signer.Init(true, key);
    signer.BlockUpdate(data, 0, data.Length);
    return signer.GenerateSignature();
}

static RsaPrivateCrtKeyParameters ReadCrt(string pem, string? pass)
{
    using var reader = new StringReader(pem);
    var item = new Org.BouncyCastle.OpenSsl.PemReader(reader, pass == null ? null : new Password(pass)).ReadObject();
    return item is AsymmetricCipherKeyPair pair ? (RsaPrivateCrtKeyParameters)pair.Private : (RsaPrivateCrtKeyParameters)item;
}

static double CpuMillisecondsPer(int count, Action action)
{
    for (var i = 0; i < Math.Min(20, count); i++)
    {
        action();
    }

    var start = ThreadCpu.Now();
    for (var i = 0; i < count; i++)
    {
        action();
    }

    return (ThreadCpu.Now() - start).TotalMilliseconds / count;
}

// The client work of one create request besides the signature itself: measured as a whole request
// (build, serialise, sign, send in memory, parse) minus a signature, in interleaved rounds, median kept.
static async Task<double> RestOfRequestMilliseconds(RsaSigningKey key, byte[] data, int count)
{
    var provider = new ApiKeyAuthenticationProvider("ocid1.tenancy.oc1..t", "ocid1.user.oc1..u", key.Fingerprint, key);
    var response = Encoding.UTF8.GetBytes("{\"id\":\"ocid1.volumebackup.oc1.iad.b\",\"compartmentId\":\"ocid1.compartment.oc1..c\",\"displayName\":\"nightly\",\"volumeId\":\"ocid1.volume.oc1.iad.v\",\"type\":\"FULL\",\"lifecycleState\":\"REQUEST_RECEIVED\",\"sourceType\":\"MANUAL\",\"timeCreated\":\"2026-11-23T09:05:07.123Z\",\"timeRequestReceived\":\"2026-11-23T09:05:07.001Z\",\"sizeInGBs\":null,\"freeformTags\":{\"env\":\"prod\"},\"definedTags\":{}}");
    using var client = new OciHttpClient(new OciHttpClientOptions(new Uri("https://iaas.us-ashburn-1.oraclecloud.com"), provider) { Handler = new InMemoryHandler(response) });
    var blockstorage = new BlockstorageClient(client);
    async Task One(int i)
    {
        var details = new CreateVolumeBackupDetails("ocid1.volume.oc1.iad.v" + i) { DisplayName = "nightly", Type = BackupType.Full };
        var result = await blockstorage.CreateVolumeBackupAsync(details, "token-" + i, CancellationToken.None);
        if (result.Value.Id.Length == 0)
        {
            throw new InvalidOperationException();
        }
    }

    for (var i = 0; i < 300; i++)
    {
        await One(i);
    }

    var rounds = new double[7];
    for (var round = 0; round < rounds.Length; round++)
    {
        var start = ThreadCpu.Now();
        for (var i = 0; i < count; i++)
        {
            // Completes synchronously (in-memory handler), so it stays on this thread.
            One(i).GetAwaiter().GetResult();
        }

        var requests = (ThreadCpu.Now() - start).TotalMilliseconds / count;
        var signature = CpuMillisecondsPer(count, () => key.SignSha256(data));
        rounds[round] = requests - signature;
    }

    Array.Sort(rounds);
    return Math.Max(0, rounds[rounds.Length / 2]);
}

/// <summary>CPU time of the calling thread (getrusage RUSAGE_THREAD on Linux: microseconds, and no JIT or GC threads mixed in).</summary>
static class ThreadCpu
{
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        [System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out Rusage usage);

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && getrusage(1, out var usage) == 0)
        {
            return TimeSpan.FromTicks((usage.UserSeconds + usage.SystemSeconds) * TimeSpan.TicksPerSecond + (usage.UserMicroseconds + usage.SystemMicroseconds) * 10);
        }

        return Process.GetCurrentProcess().TotalProcessorTime;
    }
}

sealed class Password : Org.BouncyCastle.OpenSsl.IPasswordFinder
{
    private readonly string _value;

    public Password(string value) => _value = value;

    public char[] GetPassword() => _value.ToCharArray();
}

sealed class InMemoryHandler : HttpMessageHandler
{
    private readonly byte[] _body;

    public InMemoryHandler(byte[] body) => _body = body;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(_body) };
        response.Headers.TryAddWithoutValidation("opc-request-id", "bench");
        return Task.FromResult(response);
    }
}
