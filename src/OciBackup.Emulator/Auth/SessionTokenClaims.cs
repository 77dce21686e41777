using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OciBackup.Emulator.Auth;

/// <summary>
/// The claims the emulator reads from a session token (a JWT): its expiry and, when it is a real RSA JWK, the
/// <c>jwk</c> claim holding the public key the session's requests are signed with. The token's own signature is
/// not checked: only OCI's identity service holds that key.
/// </summary>
internal sealed record SessionTokenClaims(DateTimeOffset? ExpiresAt, byte[]? JwkPublicKeyInfo)
{
    public static SessionTokenClaims? TryRead(string token)
    {
        string[] parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using JsonDocument payload = JsonDocument.Parse(Base64UrlDecode(parts[1]));
            JsonElement root = payload.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            DateTimeOffset? expires = root.TryGetProperty("exp", out JsonElement exp) && exp.TryGetInt64(out long seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
            return new SessionTokenClaims(expires, root.TryGetProperty("jwk", out JsonElement jwk) ? ReadJwk(jwk) : null);
        }
        catch (Exception e) when (e is JsonException or FormatException or CryptographicException)
        {
            return null;
        }
    }

    private static byte[]? ReadJwk(JsonElement jwk)
    {
        if (jwk.ValueKind == JsonValueKind.String)
        {
            // OCI puts the JWK into the claim as a JSON string; anything that is not JSON (e.g. "test-only") is no key.
            string text = jwk.GetString()!;
            if (!text.TrimStart().StartsWith('{'))
            {
                return null;
            }

            using JsonDocument inner = JsonDocument.Parse(text);
            return ReadJwk(inner.RootElement);
        }

        if (jwk.ValueKind != JsonValueKind.Object
            || !jwk.TryGetProperty("kty", out JsonElement kty) || kty.GetString() != "RSA"
            || !jwk.TryGetProperty("n", out JsonElement n) || n.ValueKind != JsonValueKind.String
            || !jwk.TryGetProperty("e", out JsonElement e) || e.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        using RSA rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = Base64UrlDecode(n.GetString()!), Exponent = Base64UrlDecode(e.GetString()!) });
        return rsa.ExportSubjectPublicKeyInfo();
    }

    private static byte[] Base64UrlDecode(string text)
    {
        string padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException("bad base64url") };
        return Convert.FromBase64String(padded);
    }

    public static string Describe(string token)
    {
        // Session tokens are credentials: the log gets a short hash, never the token.
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return "session token sha256:" + Convert.ToHexString(hash, 0, 6).ToLowerInvariant();
    }
}
