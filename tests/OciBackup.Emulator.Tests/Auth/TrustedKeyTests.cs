using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OciBackup.Emulator.Tests.TestSupport;

namespace OciBackup.Emulator.Tests.Auth;

/// <summary>Where trusted keys come from: OCI config files, session tokens, and the generated throwaway config.</summary>
public sealed class TrustedKeyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("emulator-trust-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("keys/test-rsa2048-pkcs1.pem", null)]
    [InlineData("keys/test-rsa2048-pkcs8.pem", null)]
    [InlineData("keys/test-rsa2048-pkcs1-encrypted-aes128.pem", "correct horse")]
    [InlineData("keys/test-rsa2048-pkcs1-encrypted-des3.pem", "correct horse")]
    [InlineData("keys/test-rsa2048-pkcs8-encrypted.pem", "correct horse")]
    public async Task Key_of_an_oci_config_profile_is_trusted_for_that_profiles_principal(string keyFile, string? passPhrase)
    {
        string config = WriteConfig("[DEFAULT]\nregion=us-ashburn-1\n\n[backup]\nuser=" + TestKeys.User + "\nfingerprint=" + TestKeys.Rsa2048Fingerprint
            + "\ntenancy=" + TestKeys.Tenancy + "\nkey_file=" + ReferenceFiles.Path(keyFile) + (passPhrase is null ? "" : "\npass_phrase=" + passPhrase) + "\n");
        await using TestEmulator emulator = await TestEmulator.StartAsync(o =>
        {
            o.TrustedPublicKeyPems.Clear();
            o.TrustedOciConfigs.Add(new TrustedOciConfig(config, "backup"));
        });

        using HttpResponseMessage ok = await emulator.GetAsync("/volumes/" + emulator.VolumeId);
        emulator.Signer = new TestSigner(TestKeys.Rsa2048Private(), "ocid1.tenancy.oc1..other/" + TestKeys.User + "/" + TestKeys.Rsa2048Fingerprint);
        using HttpResponseMessage otherTenancy = await emulator.GetAsync("/volumes/" + emulator.VolumeId);

        Assert.Equal(200, (int)ok.StatusCode);
        Assert.Equal(401, (int)otherTenancy.StatusCode);
        Assert.Equal(1, emulator.Host.Statistics.AuthenticationFailuresByReason["UnknownKey"]);
    }

    [Fact]
    public async Task Session_token_profile_of_an_oci_config_is_trusted()
    {
        string token = SessionToken();
        File.WriteAllText(Path.Combine(_directory, "token"), token + "\n");
        string config = WriteConfig("[DEFAULT]\nregion=us-ashburn-1\ntenancy=" + TestKeys.Tenancy + "\nkey_file=" + ReferenceFiles.Path("keys/test-rsa2048-pkcs1.pem")
            + "\nsecurity_token_file=token\n");
        await using TestEmulator emulator = await TestEmulator.StartAsync(o =>
        {
            o.TrustedPublicKeyPems.Clear();
            o.TrustedOciConfigs.Add(new TrustedOciConfig(config));
        });
        emulator.Signer = new TestSigner(TestKeys.Rsa2048Private(), "ST$" + token);

        using HttpResponseMessage response = await emulator.GetAsync("/volumes/" + emulator.VolumeId);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Session_token_is_refused_after_it_expires()
    {
        string token = SessionToken();
        long exp = JsonDocument.Parse(Base64Url(token.Split('.')[1])).RootElement.GetProperty("exp").GetInt64();
        await using TestEmulator emulator = await TestEmulator.StartAsync(
            o => o.TrustedSessionTokens.Add(new TrustedSessionToken(token, TestKeys.Rsa2048PublicPem)),
            DateTimeOffset.FromUnixTimeSeconds(exp).AddSeconds(-1));
        emulator.Signer = new TestSigner(TestKeys.Rsa2048Private(), "ST$" + token);

        using HttpResponseMessage before = await emulator.GetAsync("/volumes/" + emulator.VolumeId);
        emulator.Clock.Advance(TimeSpan.FromSeconds(1));
        using HttpResponseMessage after = await emulator.GetAsync("/volumes/" + emulator.VolumeId);

        Assert.Equal(200, (int)before.StatusCode);
        Assert.Equal(401, (int)after.StatusCode);
        Assert.Equal(1, emulator.Host.Statistics.AuthenticationFailuresByReason["ExpiredSessionToken"]);
    }

    [Theory]
    [InlineData(true, 200)]
    [InlineData(false, 401)]
    public async Task Session_token_carrying_a_real_jwk_is_trusted_only_when_enabled(bool trustJwk, int expected)
    {
        using RSA sessionKey = RSA.Create(2048);
        RSAParameters p = sessionKey.ExportParameters(false);
        string jwk = JsonSerializer.Serialize(new { kty = "RSA", n = ToBase64Url(p.Modulus!), e = ToBase64Url(p.Exponent!), kid = "session" });
        string payload = JsonSerializer.Serialize(new { sub = TestKeys.User, jwk, exp = TestEmulator.Start.AddHours(1).ToUnixTimeSeconds() });
        string token = ToBase64Url(Encoding.UTF8.GetBytes("{\"alg\":\"RS256\"}")) + "." + ToBase64Url(Encoding.UTF8.GetBytes(payload)) + ".c2ln";
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.TrustJwkSessionTokens = trustJwk);
        emulator.Signer = new TestSigner(sessionKey, "ST$" + token);

        using HttpResponseMessage response = await emulator.GetAsync("/volumes/" + emulator.VolumeId);

        Assert.Equal(expected, (int)response.StatusCode);
    }

    [Fact]
    public async Task Vector_session_token_with_a_placeholder_jwk_is_not_trusted_through_its_jwk()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.TrustJwkSessionTokens = true);
        emulator.Signer = new TestSigner(TestKeys.Rsa2048Private(), "ST$" + SessionToken());

        using HttpResponseMessage response = await emulator.GetAsync("/volumes/" + emulator.VolumeId);

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task Init_config_writes_a_working_config_whose_key_the_emulator_trusts()
    {
        string dir = Path.Combine(_directory, "generated");
        string keyId;
        string fingerprint;
        await using (TestEmulator emulator = await TestEmulator.StartAsync(o =>
        {
            o.TrustedPublicKeyPems.Clear();
            o.InitConfigDirectory = dir;
            o.InitConfigProfile = "EMULATOR";
        }))
        {
            Dictionary<string, string> profile = ReadProfile(Path.Combine(dir, "config"), "EMULATOR");
            JsonElement descriptor = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "emulator.json"))).RootElement;
            using RSA key = RSA.Create();
            key.ImportFromPem(File.ReadAllText(profile["key_file"]));
            fingerprint = Convert.ToHexString(MD5.HashData(key.ExportSubjectPublicKeyInfo())).ToLowerInvariant();
            keyId = profile["tenancy"] + "/" + profile["user"] + "/" + profile["fingerprint"];
            emulator.Signer = new TestSigner(key, keyId);

            using HttpResponseMessage response = await emulator.GetAsync("/volumes/" + emulator.VolumeId);

            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal(string.Join(':', Enumerable.Range(0, 16).Select(i => fingerprint.Substring(i * 2, 2))), profile["fingerprint"]);
            Assert.Equal("us-ashburn-1", profile["region"]);
            Assert.Equal(emulator.Host.BaseAddress.ToString().TrimEnd('/'), descriptor.GetProperty("url").GetString());
            Assert.Equal(Path.Combine(dir, "config"), descriptor.GetProperty("configFile").GetString());
            Assert.Equal("EMULATOR", descriptor.GetProperty("profile").GetString());
            Assert.Contains("# emulator endpoint: " + emulator.Host.BaseAddress.ToString().TrimEnd('/'), File.ReadAllText(Path.Combine(dir, "config")), StringComparison.Ordinal);
            Assert.Equal(keyId, emulator.Host.GeneratedKeyId);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(profile["key_file"]));
            }
        }

        await using TestEmulator restarted = await TestEmulator.StartAsync(o =>
        {
            o.TrustedPublicKeyPems.Clear();
            o.InitConfigDirectory = dir;
            o.InitConfigProfile = "EMULATOR";
        });
        Assert.Equal(keyId, restarted.Host.GeneratedKeyId); // the key is kept across restarts
    }

    private string WriteConfig(string content)
    {
        string path = Path.Combine(_directory, "config");
        File.WriteAllText(path, content);
        return path;
    }

    private static Dictionary<string, string> ReadProfile(string path, string profile)
    {
        var values = new Dictionary<string, string>();
        string? section = null;
        foreach (string line in File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (line.StartsWith('['))
            {
                section = line.Trim('[', ']');
            }
            else if (section == profile)
            {
                values[line[..line.IndexOf('=')]] = line[(line.IndexOf('=') + 1)..];
            }
        }

        return values;
    }

    private static string SessionToken() =>
        JsonDocument.Parse(ReferenceFiles.Read("signing-vectors.json")).RootElement.GetProperty("keys").GetProperty("rsa2048-session").GetProperty("sessionToken").GetString()!;

    private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64Url(string text)
    {
        string s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s + new string('=', (4 - s.Length % 4) % 4));
    }
}
