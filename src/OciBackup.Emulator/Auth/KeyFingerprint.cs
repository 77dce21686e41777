using System.Security.Cryptography;
using System.Text;

namespace OciBackup.Emulator.Auth;

/// <summary>OCI's API key fingerprint: MD5 of the DER SubjectPublicKeyInfo as lower-case hex pairs joined by ':'.</summary>
internal static class KeyFingerprint
{
    public static string Of(ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
#pragma warning disable CA5351 // MD5 is what OCI defines the fingerprint as; it is an identifier, not a security check.
        byte[] hash = MD5.HashData(subjectPublicKeyInfo);
#pragma warning restore CA5351
        var builder = new StringBuilder(47);
        for (int i = 0; i < hash.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(':');
            }

            builder.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
