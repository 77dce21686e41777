using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using OciBackup.Emulator.Identity;
using OciBackup.Emulator.Tests.TestSupport;

namespace OciBackup.Emulator.Tests.Identity;

/// <summary>
/// The emulated metadata service and federation endpoint, and the tokens they lead to, driven by a hand-written client
/// (TestSigner) that shares no code with OciBackup's engine.
/// </summary>
public sealed class IdentityTests
{
    private static Task<TestEmulator> StartAsync(Action<IdentityOptions>? configure = null) =>
        TestEmulator.StartAsync(options =>
        {
            options.Identity.InstancePrincipal = true;
            options.Identity.TokenLifetime = TimeSpan.FromMinutes(20);
            configure?.Invoke(options.Identity);
        });

    [Fact]
    public async Task The_metadata_service_answers_only_with_the_v2_header()
    {
        await using TestEmulator emulator = await StartAsync();
        EmulatorIdentity identity = emulator.Host.Identity!;

        using HttpResponseMessage bare = await emulator.Http.GetAsync(new Uri(identity.MetadataBaseAddress!, "instance/region"));
        using HttpResponseMessage v1 = await Metadata(emulator, "../v1/instance/region");
        string region = await (await Metadata(emulator, "instance/region")).Content.ReadAsStringAsync();
        string certificate = await (await Metadata(emulator, "identity/cert.pem")).Content.ReadAsStringAsync();
        string key = await (await Metadata(emulator, "identity/key.pem")).Content.ReadAsStringAsync();
        string intermediate = await (await Metadata(emulator, "identity/intermediate.pem")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, bare.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, v1.StatusCode);
        Assert.Equal("us-ashburn-1", region);
        using X509Certificate2 leaf = X509Certificate2.CreateFromPem(certificate);
        Assert.Contains("OU=opc-tenant:" + identity.TenancyId, leaf.Subject);
        Assert.Contains("OU=opc-certtype:instance", leaf.Subject);
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", key);
        using X509Certificate2 ca = X509Certificate2.CreateFromPem(intermediate);
        Assert.Equal(ca.Subject, leaf.Issuer);
        Assert.Equal(5, identity.Statistics.MetadataRequests);
    }

    [Theory]
    [InlineData("dotnet")]
    [InlineData("python")]
    [InlineData("go")]
    public async Task The_federation_endpoint_issues_a_token_for_each_form_the_SDKs_sign_in(string form)
    {
        await using TestEmulator emulator = await StartAsync();
        using RSA session = RSA.Create(2048);

        using HttpResponseMessage response = await Federate(emulator, session, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string token = (await TestEmulator.JsonAsync(response)).GetProperty("token").GetString()!;
        JsonElement claims = Claims(token);
        Assert.Equal(emulator.Host.Identity!.TenancyId, claims.GetProperty("opc-tenant").GetString());
        Assert.Equal("instance", claims.GetProperty("ptype").GetString());
        Assert.Equal(emulator.Clock.GetUtcNow().AddMinutes(20).ToUnixTimeSeconds(), claims.GetProperty("exp").GetInt64());
        Assert.Equal(1, emulator.Host.Identity.Statistics.TokensIssued);

        // The token works with the session key it was issued for, and with no other.
        emulator.Signer = new TestSigner(session, "ST$" + token);
        using HttpResponseMessage accepted = await emulator.GetAsync("/volumes?compartmentId=" + emulator.CompartmentId);
        using RSA other = RSA.Create(2048);
        emulator.Signer = new TestSigner(other, "ST$" + token);
        using HttpResponseMessage refused = await emulator.GetAsync("/volumes?compartmentId=" + emulator.CompartmentId);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task An_issued_token_is_refused_once_it_has_expired()
    {
        await using TestEmulator emulator = await StartAsync(o => o.TokenLifetime = TimeSpan.FromMinutes(5));
        using RSA session = RSA.Create(2048);
        string token = await TokenAsync(emulator, session);
        emulator.Signer = new TestSigner(session, "ST$" + token);

        emulator.Clock.Advance(TimeSpan.FromMinutes(5));
        using HttpResponseMessage response = await emulator.GetAsync("/volumes?compartmentId=" + emulator.CompartmentId);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, emulator.Host.Statistics.AuthenticationFailuresByReason["ExpiredSessionToken"]);
    }

    [Fact]
    public async Task A_token_signed_by_someone_else_is_refused_even_with_a_jwk()
    {
        await using TestEmulator emulator = await StartAsync();
        using RSA session = RSA.Create(2048);
        string token = await TokenAsync(emulator, session);
        string[] parts = token.Split('.');
        string forged = parts[0] + "." + parts[1] + "." + parts[2][..^4] + "AAAA";
        emulator.Signer = new TestSigner(session, "ST$" + forged);

        using HttpResponseMessage response = await emulator.GetAsync("/volumes?compartmentId=" + emulator.CompartmentId);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, emulator.Host.Statistics.AuthenticationFailuresByReason["UnknownKey"]);
    }

    [Theory]
    [InlineData("other-tenancy", "UnknownKey")]
    [InlineData("other-fingerprint", "UnknownKey")]
    [InlineData("other-key", "BadSignature")]
    [InlineData("superseded", "SupersededCertificate")]
    [InlineData("self-signed", "UntrustedCertificate")]
    [InlineData("garbage", "MalformedBody")]
    public async Task The_federation_endpoint_refuses_what_the_instance_could_not_have_signed(string wrong, string reason)
    {
        await using TestEmulator emulator = await StartAsync();
        using RSA session = RSA.Create(2048);
        if (wrong == "superseded")
        {
            LeafSigner old = await LeafSigner.FetchAsync(emulator);
            emulator.Host.Identity!.RotateLeaf();
            using HttpResponseMessage late = await Federate(emulator, session, "dotnet", old);
            Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
        }
        else
        {
            using HttpResponseMessage response = await Federate(emulator, session, "dotnet", mutate: wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(1, emulator.Host.Identity!.Statistics.FederationRefusals[reason]);
        Assert.Equal(0, emulator.Host.Identity.Statistics.TokensIssued);
    }

    [Fact]
    public async Task Federation_faults_answer_500_cut_the_connection_or_wait()
    {
        await using TestEmulator emulator = await StartAsync();
        EmulatorIdentity identity = emulator.Host.Identity!;
        using RSA session = RSA.Create(2048);

        identity.FederationFaults = new FederationFaultSettings { ServerErrorShare = 1 };
        using (HttpResponseMessage failed = await Federate(emulator, session, "dotnet"))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        identity.FederationFaults = new FederationFaultSettings { DropShare = 1 };
        await Assert.ThrowsAsync<HttpRequestException>(() => Federate(emulator, session, "dotnet"));

        identity.FederationFaults = new FederationFaultSettings { SlowShare = 1, SlowSeconds = 30 };
        Task<HttpResponseMessage> slow = Federate(emulator, session, "dotnet");
        await emulator.Clock.WaitForTimerAsync();
        Assert.False(slow.IsCompleted);
        emulator.Clock.Advance(TimeSpan.FromSeconds(30));
        using (HttpResponseMessage late = await slow)
        {
            Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        }

        Assert.Equal(new Dictionary<string, long> { ["drop"] = 1, ["serverError"] = 1, ["slow"] = 1 }, identity.Statistics.FederationFaults);
    }

    [Fact]
    public async Task A_delegation_token_must_be_signed_valid_and_current()
    {
        string directory = Path.Combine(Path.GetTempPath(), "ocibackup-cloudshell-" + Guid.NewGuid().ToString("N"));
        await using TestEmulator emulator = await StartAsync(o =>
        {
            o.CloudShellDirectory = directory;
            o.TokenLifetime = TimeSpan.FromMinutes(10);
        });
        EmulatorIdentity identity = emulator.Host.Identity!;
        string obo = File.ReadAllText(identity.CloudShellVariables!["OCI_CLI_DELEGATION_TOKEN_FILE"]);
        using RSA session = RSA.Create(2048);
        emulator.Signer = new TestSigner(session, "ST$" + await TokenAsync(emulator, session));
        Uri uri = emulator.Api("/volumes?compartmentId=" + emulator.CompartmentId);

        Task<HttpResponseMessage> Send(string token, string[]? signed = null) =>
            emulator.Http.SendAsync(emulator.Signer.Sign(HttpMethod.Get, uri, null, emulator.Clock.GetUtcNow(), headersToSign: signed, oboToken: token));

        using HttpResponseMessage accepted = await Send(obo);
        using HttpResponseMessage unsigned = await Send(obo, new[] { "date", "(request-target)", "host" });
        using HttpResponseMessage foreign = await Send(obo[..^4] + "AAAA");
        emulator.Clock.Advance(TimeSpan.FromMinutes(5));
        string renewed = File.ReadAllText(identity.CloudShellVariables!["OCI_CLI_DELEGATION_TOKEN_FILE"]);
        emulator.Clock.Advance(TimeSpan.FromMinutes(5));
        emulator.Signer = new TestSigner(session, "ST$" + await TokenAsync(emulator, session));
        using HttpResponseMessage expired = await Send(obo);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.NotEqual(obo, renewed);
        Assert.Equal(1, identity.Statistics.DelegatedRequests);
        Assert.Equal(2, emulator.Host.Statistics.AuthenticationFailuresByReason["InvalidDelegationToken"]);
        Assert.Equal(1, emulator.Host.Statistics.AuthenticationFailuresByReason["RequiredHeaderNotSigned"]);
        string config = File.ReadAllText(identity.CloudShellVariables!["OCI_CLI_CONFIG_FILE"]);
        Assert.Contains("authentication_type=instance_principal", config);
        Assert.Contains("delegation_token_file=" + identity.CloudShellVariables["OCI_CLI_DELEGATION_TOKEN_FILE"], config);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Resource_principal_files_are_written_and_the_token_renewed_at_half_its_life()
    {
        string directory = Path.Combine(Path.GetTempPath(), "ocibackup-rp-" + Guid.NewGuid().ToString("N"));
        await using TestEmulator emulator = await TestEmulator.StartAsync(options =>
        {
            options.Identity.ResourcePrincipalDirectory = directory;
            options.Identity.TokenLifetime = TimeSpan.FromMinutes(10);
        });
        EmulatorIdentity identity = emulator.Host.Identity!;
        IReadOnlyDictionary<string, string> variables = identity.ResourcePrincipalVariables!;
        string first = File.ReadAllText(variables["OCI_RESOURCE_PRINCIPAL_RPST"]);
        using RSA key = RSA.Create();
        key.ImportFromPem(File.ReadAllText(variables["OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM"]));

        emulator.Clock.Advance(TimeSpan.FromMinutes(5));
        string second = File.ReadAllText(variables["OCI_RESOURCE_PRINCIPAL_RPST"]);
        emulator.Signer = new TestSigner(key, "ST$" + second);
        using HttpResponseMessage response = await emulator.GetAsync("/volumes?compartmentId=" + emulator.CompartmentId);

        Assert.Null(identity.MetadataBaseAddress);
        Assert.Equal("2.2", variables["OCI_RESOURCE_PRINCIPAL_VERSION"]);
        Assert.NotEqual(first, second);
        Assert.Equal(identity.TenancyId, Claims(second).GetProperty("res_tenant").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(directory, "environment.json")));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task With_several_regions_the_identity_side_is_in_the_home_region_and_its_tokens_work_at_every_regions_port()
    {
        string directory = Path.Combine(Path.GetTempPath(), "ocibackup-rp-" + Guid.NewGuid().ToString("N"));
        await using TestEmulator emulator = await TestEmulator.StartAsync(options =>
        {
            options.Region = "us-phoenix-1";
            options.AdditionalRegions.Add("us-ashburn-1");
            options.Identity.InstancePrincipal = true;
            options.Identity.ResourcePrincipalDirectory = directory;
        });
        EmulatorIdentity identity = emulator.Host.Identity!;
        string ashburnVolume = emulator.Host.CompartmentsIn("us-ashburn-1")[0].VolumeIds[^1];
        using RSA session = RSA.Create(2048);
        string region = await (await Metadata(emulator, "instance/region")).Content.ReadAsStringAsync();
        emulator.Signer = new TestSigner(session, "ST$" + await TokenAsync(emulator, session));

        using HttpResponseMessage home = await emulator.GetAsync("/availabilityDomains?compartmentId=" + emulator.CompartmentId, region: "us-phoenix-1");
        using HttpResponseMessage other = await emulator.GetAsync("/availabilityDomains?compartmentId=" + emulator.CompartmentId, region: "us-ashburn-1");
        using HttpResponseMessage write = await emulator.PostAsync("/volumeBackups", "{\"volumeId\":\"" + ashburnVolume + "\"}", "instance-in-ashburn", region: "us-ashburn-1");
        using HttpResponseMessage adminElsewhere = await emulator.Http.GetAsync(new Uri(emulator.Host.Endpoints["us-ashburn-1"], "admin/identity"));

        Assert.Equal("us-phoenix-1", region);
        Assert.Equal("us-phoenix-1", identity.Region);
        Assert.StartsWith("ocid1.instance.oc1.us-phoenix-1.", identity.InstanceId, StringComparison.Ordinal);
        Assert.Equal("us-phoenix-1", identity.ResourcePrincipalVariables!["OCI_RESOURCE_PRINCIPAL_REGION"]);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        Assert.StartsWith("ocid1.volumebackup.oc1.us-ashburn-1.", (await TestEmulator.JsonAsync(write)).GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, adminElsewhere.StatusCode);
        Assert.Equal(0, emulator.Host.Statistics.AuthenticationFailures);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task The_admin_endpoint_shows_and_changes_the_identity_side()
    {
        await using TestEmulator emulator = await StartAsync();

        using HttpResponseMessage put = await emulator.Http.PutAsync(new Uri(emulator.Host.BaseAddress, "admin/identity"),
            new StringContent("{\"tokenLifetimeSeconds\": 90, \"serverErrorShare\": 0.25}", Encoding.UTF8, "application/json"));
        using HttpResponseMessage unknown = await emulator.Http.PutAsync(new Uri(emulator.Host.BaseAddress, "admin/identity"),
            new StringContent("{\"tokenLifetime\": 90}", Encoding.UTF8, "application/json"));
        using HttpResponseMessage rotate = await emulator.Http.PostAsync(new Uri(emulator.Host.BaseAddress, "admin/identity/rotate-leaf"), null);
        JsonElement state = await emulator.AdminJsonAsync("/identity");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
        Assert.Equal(90, state.GetProperty("tokenLifetimeSeconds").GetDouble());
        Assert.Equal(0.25, state.GetProperty("federationFaults").GetProperty("serverErrorShare").GetDouble());
        Assert.Equal(2, state.GetProperty("leafGeneration").GetInt32());
        Assert.Equal(TimeSpan.FromSeconds(90), emulator.Host.Identity!.TokenLifetime);
    }

    [Fact]
    public async Task Without_an_identity_side_the_admin_endpoint_says_so()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage response = await emulator.Http.GetAsync(new Uri(emulator.Host.BaseAddress, "admin/identity"));

        Assert.Null(emulator.Host.Identity);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task<HttpResponseMessage> Metadata(TestEmulator emulator, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.Host.Identity!.MetadataBaseAddress!, path));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer Oracle");
        return emulator.Http.SendAsync(request);
    }

    private static async Task<string> TokenAsync(TestEmulator emulator, RSA session)
    {
        using HttpResponseMessage response = await Federate(emulator, session, "dotnet");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await TestEmulator.JsonAsync(response)).GetProperty("token").GetString()!;
    }

    /// <summary>A federation request as one of Oracle's SDKs signs it (or with one thing wrong).</summary>
    private static async Task<HttpResponseMessage> Federate(TestEmulator emulator, RSA session, string form, LeafSigner? leaf = null, string? mutate = null)
    {
        leaf ??= await LeafSigner.FetchAsync(emulator);
        using RSA? otherKey = mutate == "other-key" || mutate == "self-signed" ? RSA.Create(2048) : null;
        byte[] certificate = leaf.Certificate.RawData;
        if (mutate == "self-signed")
        {
            var request = new CertificateRequest(leaf.Certificate.SubjectName, otherKey!, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using X509Certificate2 fake = request.CreateSelfSigned(emulator.Clock.GetUtcNow().AddDays(-1), emulator.Clock.GetUtcNow().AddDays(1));
            certificate = fake.RawData;
        }

        string body = mutate == "garbage"
            ? "{\"certificate\":\"not base64!\",\"publicKey\":\"x\"}"
            : JsonSerializer.Serialize(new
            {
                certificate = Convert.ToBase64String(certificate),
                publicKey = Convert.ToBase64String(session.ExportSubjectPublicKeyInfo()),
                intermediateCertificates = new[] { Convert.ToBase64String(leaf.Intermediate.RawData) },
                purpose = "DEFAULT",
            });
        string tenancy = mutate == "other-tenancy" ? "ocid1.tenancy.oc1..other" : leaf.TenancyId;
        byte[] fingerprintSource = mutate == "other-fingerprint" ? leaf.Intermediate.RawData : certificate;
        string keyId = form switch
        {
            "go" => tenancy + "/fed-x509-sha256/" + Colons(SHA256.HashData(fingerprintSource)),
            "python" => tenancy + "/fed-x509/" + Colons(SHA1.HashData(fingerprintSource)).ToUpperInvariant(),
            _ => tenancy + "/fed-x509/" + Colons(SHA1.HashData(fingerprintSource)),
        };
        string[]? headers = form == "dotnet" ? null : new[] { "date", "(request-target)", "content-length", "content-type", "x-content-sha256" };
        var signer = new TestSigner(otherKey ?? leaf.Key, keyId);
        Uri uri = emulator.Host.Identity!.FederationEndpoint!;
        return await emulator.Http.SendAsync(signer.Sign(HttpMethod.Post, uri, body, emulator.Clock.GetUtcNow(), headersToSign: headers));
    }

    private static string Colons(byte[] hash) => string.Join(':', hash.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

    private static JsonElement Claims(string token)
    {
        string payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload += (payload.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        using JsonDocument document = JsonDocument.Parse(Convert.FromBase64String(payload));
        return document.RootElement.Clone();
    }

    /// <summary>The instance's identity as read from the metadata service.</summary>
    private sealed record LeafSigner(X509Certificate2 Certificate, RSA Key, X509Certificate2 Intermediate, string TenancyId)
    {
        public static async Task<LeafSigner> FetchAsync(TestEmulator emulator)
        {
            string certificate = await (await Metadata(emulator, "identity/cert.pem")).Content.ReadAsStringAsync();
            string key = await (await Metadata(emulator, "identity/key.pem")).Content.ReadAsStringAsync();
            string intermediate = await (await Metadata(emulator, "identity/intermediate.pem")).Content.ReadAsStringAsync();
            var rsa = RSA.Create();
            rsa.ImportFromPem(key);
            X509Certificate2 leaf = X509Certificate2.CreateFromPem(certificate);
            string tenancy = leaf.Subject.Split(", ").Single(p => p.StartsWith("OU=opc-tenant:", StringComparison.Ordinal))["OU=opc-tenant:".Length..];
            return new LeafSigner(leaf, rsa, X509Certificate2.CreateFromPem(intermediate), tenancy);
        }
    }
}
