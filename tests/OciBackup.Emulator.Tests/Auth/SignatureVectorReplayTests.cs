using System.Globalization;
using System.Text;
using System.Text.Json;
using OciBackup.Emulator.Inventory;
using OciBackup.Emulator.Tests.TestSupport;

namespace OciBackup.Emulator.Tests.Auth;

/// <summary>
/// Every request Oracle's .NET and TypeScript SDKs signed (tests/vectors) is replayed byte for byte over a
/// socket to a real emulator whose clock is set to the vector's date, and must be accepted.
/// </summary>
public sealed class SignatureVectorReplayTests
{
    private const string VectorVolumeId = "ocid1.volume.oc1.iad.abuwcljrq7mkc5d4ar3ab6m2ku6nvqyowsmgxyzf5omkm4hz3iftgcxcanr6csjzq";
    private const string VectorVolumeGroupId = "ocid1.volumegroup.oc1.iad.abuwcljrtg4bqp3hjmi5wm5kzfbdzcnpyykv4ut3oyrq5jbmqfhlvnk2yy2hvvsa";
    private const string VectorCompartmentId = "ocid1.compartment.oc1..aaaaaaaayvmzwd7lubhwiwm2plp4ya2sytfx4jx5ai2ex4jyiu7k6pxvjv6q";

    public static TheoryData<string, string> Vectors()
    {
        var data = new TheoryData<string, string>();
        foreach (string file in new[] { "signing-vectors.json", "signing-vectors-typescript.json" })
        {
            using JsonDocument document = JsonDocument.Parse(ReferenceFiles.Read(file));
            foreach (JsonElement vector in document.RootElement.GetProperty("cases").EnumerateArray())
            {
                data.Add(file, vector.GetProperty("name").GetString()!);
            }
        }

        return data;
    }

    [Fact]
    public void Both_vector_files_are_replayed_in_full()
    {
        // Guards the theory below against silently running on an empty or truncated set.
        Assert.Equal(48, Vectors().Count);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Sdk_signed_vector_is_accepted(string file, string name)
    {
        VectorRequest vector = VectorRequest.Load(file, name);
        await using TestEmulator emulator = await StartForVectorsAsync(vector.Date);

        RawHttpResponse response = await RawHttpExchange.SendAsync(emulator.Host.BaseAddress, vector.Method, vector.Target, vector.Headers, vector.Body);

        Assert.NotEqual(401, response.Status);
        Assert.Equal(1, emulator.Host.Statistics.AuthenticatedRequests);
        Assert.Equal(0, emulator.Host.Statistics.AuthenticationFailures);
        Assert.Equal(vector.ExpectedStatus, response.Status);
        if (vector.CreatesBackup)
        {
            string volumeKey = vector.Target.Contains("volumeGroupBackups", StringComparison.Ordinal) ? VectorVolumeGroupId : VectorVolumeId;
            long created = volumeKey == VectorVolumeId
                ? emulator.Host.Statistics.VolumeBackupsCreated(VectorVolumeId)
                : emulator.Host.Statistics.VolumeGroupBackupsCreated(VectorVolumeGroupId);
            Assert.Equal(1, created);
        }
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Sdk_signed_vector_is_refused_six_minutes_later(string file, string name)
    {
        VectorRequest vector = VectorRequest.Load(file, name);
        await using TestEmulator emulator = await StartForVectorsAsync(vector.Date.AddMinutes(6));

        RawHttpResponse response = await RawHttpExchange.SendAsync(emulator.Host.BaseAddress, vector.Method, vector.Target, vector.Headers, vector.Body);

        Assert.Equal(401, response.Status);
        Assert.Equal(1, emulator.Host.Statistics.AuthenticationFailuresByReason["DateOutOfRange"]);
    }

    internal static Task<TestEmulator> StartForVectorsAsync(DateTimeOffset now) => TestEmulator.StartAsync(options =>
    {
        options.Seed = new EmulatorSeed
        {
            Compartments =
            {
                new SeedCompartment
                {
                    Name = "vectors",
                    Id = VectorCompartmentId,
                    Volumes = { new SeedVolume { Id = VectorVolumeId, DisplayName = "vector-volume" } },
                    VolumeGroups =
                    {
                        new SeedVolumeGroup
                        {
                            Id = VectorVolumeGroupId,
                            DisplayName = "vector-group",
                            Volumes = { new SeedVolume { DisplayName = "member-1" }, new SeedVolume { DisplayName = "member-2" } },
                        },
                    },
                },
            },
        };
        using JsonDocument vectors = JsonDocument.Parse(ReferenceFiles.Read("signing-vectors.json"));
        JsonElement session = vectors.RootElement.GetProperty("keys").GetProperty("rsa2048-session");
        options.TrustedSessionTokens.Add(new TrustedSessionToken(session.GetProperty("sessionToken").GetString()!, TestKeys.Rsa2048PublicPem));
    }, now);

    /// <summary>One vector as it goes on the wire: method, target from the signing string, and the headers the SDK sent.</summary>
    internal sealed record VectorRequest(string Method, string Target, List<KeyValuePair<string, string>> Headers, byte[] Body,
        DateTimeOffset Date, int ExpectedStatus, bool CreatesBackup)
    {
        public static VectorRequest Load(string file, string name)
        {
            using JsonDocument document = JsonDocument.Parse(ReferenceFiles.Read(file));
            JsonElement vector = document.RootElement.GetProperty("cases").EnumerateArray()
                .Single(c => c.GetProperty("name").GetString() == name);
            JsonElement expected = vector.GetProperty("expected");
            string method = vector.GetProperty("method").GetString()!;
            string signingString = expected.GetProperty("signingString").GetString()!;
            string targetLine = signingString.Split('\n').Single(l => l.StartsWith("(request-target): ", StringComparison.Ordinal));
            string target = targetLine["(request-target): ".Length..].Split(' ', 2)[1];

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonProperty header in vector.GetProperty("headers").EnumerateObject())
            {
                headers[header.Name] = header.Value.GetString()!;
            }

            foreach (string wire in new[] { "date", "x-date", "content-type", "content-length", "x-content-sha256", "authorization" })
            {
                if (expected.TryGetProperty(wire, out JsonElement value) && value.ValueKind == JsonValueKind.String)
                {
                    headers[wire] = value.GetString()!;
                }
            }

            var wireHeaders = new List<KeyValuePair<string, string>> { new("Host", expected.GetProperty("host").GetString()!) };
            wireHeaders.AddRange(headers);
            string? bodyText = vector.GetProperty("body").ValueKind == JsonValueKind.String ? vector.GetProperty("body").GetString() : null;
            byte[] body = Encoding.UTF8.GetBytes(bodyText ?? "");
            string dateText = expected.TryGetProperty("x-date", out JsonElement xDate) ? xDate.GetString()! : expected.GetProperty("date").GetString()!;
            DateTimeOffset date = DateTimeOffset.ParseExact(dateText, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

            bool namesResource = bodyText?.Contains("volumeId", StringComparison.Ordinal) == true
                || bodyText?.Contains("volumeGroupId", StringComparison.Ordinal) == true;
            bool createsBackup = method == "POST" && namesResource && DefinedTagValuesAreStrings(bodyText!);
            int status = (method, target) switch
            {
                ("POST", _) when createsBackup => 200,
                // {} lacks volumeId, an empty body cannot be parsed, and oci-api.md allows only string values
                // in definedTags (two vectors send true and 2): all 400, after the signature was accepted.
                ("POST", _) => 400,
                ("GET", _) when target.Contains("page=", StringComparison.Ordinal) => 400, // "abc==" is no token of ours
                ("GET", _) when target.Contains('?', StringComparison.Ordinal) => 200,
                _ => 404, // unknown backups, and DELETE/PUT the emulator does not serve
            };
            return new VectorRequest(method, target, wireHeaders, body, date, status, createsBackup);
        }

        private static bool DefinedTagValuesAreStrings(string body)
        {
            using JsonDocument document = JsonDocument.Parse(body);
            return !document.RootElement.TryGetProperty("definedTags", out JsonElement defined)
                || defined.EnumerateObject().All(ns => ns.Value.EnumerateObject().All(tag => tag.Value.ValueKind == JsonValueKind.String));
        }
    }
}
