using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// The claims of an OCI security token (a JWT: session token, instance or resource principal token,
    /// delegation token), read without checking its signature, as every SDK does: only the identity service
    /// holds that key. What the client needs is the expiry (<c>exp</c>) and a few strings (<c>res_tenant</c>).
    /// Holds no copy of the token itself.
    /// </summary>
    internal sealed class SecurityTokenClaims
    {
        private readonly Dictionary<string, string> _strings;

        private SecurityTokenClaims(DateTimeOffset? expiresAt, DateTimeOffset? issuedAt, Dictionary<string, string> strings)
        {
            ExpiresAt = expiresAt;
            IssuedAt = issuedAt;
            _strings = strings;
        }

        /// <summary>The <c>exp</c> claim, or null when the token has none or is not a JWT.</summary>
        public DateTimeOffset? ExpiresAt { get; }

        /// <summary>The <c>iat</c> claim, when present.</summary>
        public DateTimeOffset? IssuedAt { get; }

        public static SecurityTokenClaims None { get; } = new SecurityTokenClaims(null, null, new Dictionary<string, string>());

        /// <summary>A string claim (<c>res_tenant</c>, <c>tenant</c>, <c>sub</c>...), or null.</summary>
        public string? Get(string claim) => _strings.TryGetValue(claim, out var value) ? value : null;

        /// <summary>The claims of a JWT; <see cref="None"/> for anything that is not one (opaque tokens carry no expiry we can read).</summary>
        public static SecurityTokenClaims Read(string token)
        {
            if (token == null)
            {
                throw new ArgumentNullException(nameof(token));
            }

            var parts = token.Trim().Split('.');
            if (parts.Length != 3)
            {
                return None;
            }

            try
            {
                using var payload = JsonDocument.Parse(Base64UrlDecode(parts[1]));
                var root = payload.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return None;
                }

                var strings = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in root.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String)
                    {
                        strings[property.Name] = property.Value.GetString()!;
                    }
                }

                return new SecurityTokenClaims(Seconds(root, "exp"), Seconds(root, "iat"), strings);
            }
            catch (Exception ex) when (ex is JsonException || ex is FormatException || ex is ArgumentException)
            {
                return None;
            }
        }

        public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is DateTimeOffset expires && now >= expires;

        private static DateTimeOffset? Seconds(JsonElement root, string claim)
        {
            if (root.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
                && seconds > 0 && seconds < 253402300799)
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }

            return null;
        }

        private static byte[] Base64UrlDecode(string text)
        {
            var builder = new StringBuilder(text.Length + 3);
            foreach (var c in text)
            {
                builder.Append(c == '-' ? '+' : c == '_' ? '/' : c);
            }

            switch (builder.Length % 4)
            {
                case 2:
                    builder.Append("==");
                    break;
                case 3:
                    builder.Append('=');
                    break;
                case 1:
                    throw new FormatException("Not base64url.");
            }

            return Convert.FromBase64String(builder.ToString());
        }

        public override string ToString() => ExpiresAt is DateTimeOffset expires ? $"token claims (expires {expires:u})" : "token claims (no expiry)";
    }
}
