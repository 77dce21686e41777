using System;
using System.Collections.Generic;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// Removes secrets from anything headed for a trace or an error: whole headers that carry
    /// credentials, and any occurrence of a secret value the session knows (session token, pass phrase).
    /// </summary>
    internal sealed class SecretRedactor
    {
        public const string Mask = "<redacted>";

        private static readonly HashSet<string> SecretHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Authorization", "Proxy-Authorization", "opc-obo-token", "x-subscription", "security-token",
            "Cookie", "Set-Cookie", "x-api-key", "opc-principal",
        };

        private readonly string[] _secrets;

        /// <param name="secrets">Values that must never appear in output; empty and very short values are ignored (they would mask ordinary text).</param>
        public SecretRedactor(IEnumerable<string?> secrets)
        {
            var list = new List<string>();
            foreach (var secret in secrets)
            {
                if (secret != null && secret.Trim().Length >= 4)
                {
                    list.Add(secret.Trim());
                }
            }

            // Longest first, so a secret containing another is masked whole.
            list.Sort((a, b) => b.Length.CompareTo(a.Length));
            _secrets = list.ToArray();
        }

        public static SecretRedactor None { get; } = new SecretRedactor(Array.Empty<string>());

        public SecretRedactor With(params string?[] more)
        {
            var all = new List<string?>(_secrets);
            all.AddRange(more);
            return new SecretRedactor(all);
        }

        public static bool IsSecretHeader(string name) => SecretHeaders.Contains(name);

        /// <summary>The value to show for a header: secret headers are masked (an Authorization keeps only its signed-header list).</summary>
        public string RedactHeader(string name, string value)
        {
            if (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                var start = value.IndexOf("headers=\"", StringComparison.Ordinal);
                if (start >= 0)
                {
                    var end = value.IndexOf('"', start + 9);
                    if (end > start)
                    {
                        return "Signature " + value.Substring(start, end - start + 1) + ",keyId=" + Mask + ",signature=" + Mask;
                    }
                }

                return Mask;
            }

            return IsSecretHeader(name) ? Mask : Redact(value);
        }

        public string Redact(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            foreach (var secret in _secrets)
            {
                if (text.IndexOf(secret, StringComparison.Ordinal) >= 0)
                {
                    text = text.Replace(secret, Mask);
                }
            }

            return text;
        }
    }
}
