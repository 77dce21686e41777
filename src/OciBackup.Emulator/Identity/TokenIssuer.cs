using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OciBackup.Emulator.Auth;

namespace OciBackup.Emulator.Identity;

/// <summary>
/// The emulator's identity service key: signs the JWTs it issues (instance principal tokens, resource principal
/// tokens, delegation tokens, user session tokens) with RS256 and checks them when they come back. Each token bound
/// to a key carries that public key in a <c>jwk</c> claim (a JSON string, as OCI writes it), so the API verifier
/// checks requests signed with the session key without remembering every token it issued.
/// </summary>
internal sealed class TokenIssuer : IDisposable
{
    public const string Issuer = "authService.oracle.com";
    private readonly RSA _key = RSA.Create(2048);
    private readonly string _keyId = "emulator-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
    private readonly object _gate = new();

    /// <summary>A signed JWT with the given claims plus iss, aud, iat, exp and (for a key) jwk.</summary>
    public string Issue(IReadOnlyDictionary<string, string> claims, DateTimeOffset now, TimeSpan lifetime, byte[]? boundKeyInfo)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach ((string name, string value) in claims)
            {
                writer.WriteString(name, value);
            }

            writer.WriteString("iss", Issuer);
            writer.WriteString("aud", "oci");
            writer.WriteNumber("iat", now.ToUnixTimeSeconds());
            // Rounded up: a token lives at least its lifetime (exp has whole seconds).
            writer.WriteNumber("exp", (long)Math.Ceiling((now + lifetime).ToUnixTimeMilliseconds() / 1000.0));
            writer.WriteString("jti", Guid.NewGuid().ToString());
            if (boundKeyInfo is not null)
            {
                writer.WriteString("jwk", Jwk(boundKeyInfo));
            }

            writer.WriteEndObject();
        }

        string header = Base64Url(Encoding.UTF8.GetBytes($"{{\"kid\":\"{_keyId}\",\"alg\":\"RS256\",\"typ\":\"JWT\"}}"));
        string payload = Base64Url(stream.ToArray());
        byte[] signature;
        lock (_gate)
        {
            signature = _key.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        return header + "." + payload + "." + Base64Url(signature);
    }

    /// <summary>The claims of a token this issuer signed (whatever its expiry), or null for any other text.</summary>
    public JsonElement? Verify(string token)
    {
        string[] parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            byte[] signature = Base64UrlDecode(parts[2]);
            bool valid;
            lock (_gate)
            {
                valid = _key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }

            if (!valid)
            {
                return null;
            }

            using JsonDocument document = JsonDocument.Parse(Base64UrlDecode(parts[1]));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or CryptographicException)
        {
            return null;
        }
    }

    /// <summary>A token this issuer signed, as a key the API verifier trusts until the token's expiry; null otherwise.</summary>
    public TrustedKey? Resolve(string token)
    {
        if (Verify(token) is not JsonElement claims)
        {
            return null;
        }

        SessionTokenClaims? read = SessionTokenClaims.TryRead(token);
        if (read?.JwkPublicKeyInfo is null)
        {
            return null;
        }

        string kind = claims.TryGetProperty("ptype", out JsonElement ptype) ? ptype.GetString() ?? "token" : "token";
        return new TrustedKey(new RsaPublicKey(read.JwkPublicKeyInfo), null, read.ExpiresAt, kind + " " + SessionTokenClaims.Describe(token));
    }

    public void Dispose() => _key.Dispose();

    private static string Jwk(byte[] subjectPublicKeyInfo)
    {
        using RSA rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        RSAParameters parameters = rsa.ExportParameters(false);
        string kid = "session-" + KeyFingerprint.Of(subjectPublicKeyInfo).Replace(":", "", StringComparison.Ordinal)[..12];
        return JsonSerializer.Serialize(new { kid, n = Base64Url(parameters.Modulus!), e = Base64Url(parameters.Exponent!), kty = "RSA", alg = "RS256", use = "sig" });
    }

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        string padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException("bad base64url") };
        return Convert.FromBase64String(padded);
    }
}
