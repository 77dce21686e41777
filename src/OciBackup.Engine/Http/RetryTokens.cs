using System;
using System.Security.Cryptography;
using System.Text;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// Retry tokens for creates. A fresh one per item makes a retried create safe within one run; one
    /// derived from a caller's run key and the item makes a whole re-run safe: the service remembers a
    /// token for 24 hours and answers a repeat with the first result instead of a second backup.
    /// </summary>
    internal static class RetryTokens
    {
        public const int MaxLength = 64;

        public static string New() => Guid.NewGuid().ToString("N");

        /// <summary>
        /// The same token for the same run key, operation and item, every time: <c>ocibackup-</c> and 48
        /// hex characters of SHA-256 (the run key itself never goes on the wire).
        /// </summary>
        public static string Derive(string runKey, string operation, string itemId)
        {
            if (string.IsNullOrEmpty(runKey))
            {
                throw new ArgumentException("The run key is empty.", nameof(runKey));
            }

            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(runKey + "\n" + operation + "\n" + itemId));
            var builder = new StringBuilder("ocibackup-", 58);
            for (var i = 0; i < 24; i++)
            {
                builder.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }
    }
}
