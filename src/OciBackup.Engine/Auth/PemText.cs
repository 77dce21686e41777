using System;
using System.Text;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// PEM text that came through a variable or a secret store rather than a file, where line breaks often do not
    /// survive: written as literal <c>\n</c>, or flattened to spaces. Restores the lines so the PEM reader can read it.
    /// </summary>
    internal static class PemText
    {
        public static string Normalize(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            var pem = text.Trim();
            if (pem.IndexOf('\n') >= 0)
            {
                return pem;
            }

            if (pem.IndexOf("\\n", StringComparison.Ordinal) >= 0)
            {
                return pem.Replace("\\r", string.Empty).Replace("\\n", "\n");
            }

            // One line: "-----BEGIN X-----" base64 "-----END X-----", with spaces where the breaks were. Headers of
            // legacy-encrypted keys (Proc-Type, DEK-Info) cannot be recovered from that, and are left to fail.
            var beginEnd = pem.IndexOf("-----", 5, StringComparison.Ordinal);
            var endStart = pem.LastIndexOf("-----END ", StringComparison.Ordinal);
            if (!pem.StartsWith("-----BEGIN ", StringComparison.Ordinal) || beginEnd < 0 || endStart <= beginEnd || pem.IndexOf(':') >= 0)
            {
                return pem;
            }

            var header = pem.Substring(0, beginEnd + 5);
            var footer = pem.Substring(endStart);
            var body = new StringBuilder();
            foreach (var c in pem.Substring(beginEnd + 5, endStart - beginEnd - 5))
            {
                if (!char.IsWhiteSpace(c))
                {
                    body.Append(c);
                }
            }

            var builder = new StringBuilder(pem.Length + 64).Append(header).Append('\n');
            for (var i = 0; i < body.Length; i += 64)
            {
                builder.Append(body.ToString(i, Math.Min(64, body.Length - i))).Append('\n');
            }

            return builder.Append(footer).Append('\n').ToString();
        }
    }
}
