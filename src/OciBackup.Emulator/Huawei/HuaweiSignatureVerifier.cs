using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace OciBackup.Emulator.Huawei;

/// <summary>
/// Checks SDK-HMAC-SHA256 as Huawei Cloud's API gateway is documented to, written from the signing guide (and the
/// behaviour of Huawei's SDKs recorded in the test vectors) without sharing a line with the module's signer: the
/// canonical request is rebuilt from the raw request target as it came on the wire and the headers named in
/// SignedHeaders, hashed, and the string to sign HMAC'd with the secret key the access key names.
/// </summary>
internal sealed class HuaweiSignatureVerifier
{
    public const string Algorithm = "SDK-HMAC-SHA256";

    /// <summary>The gateway refuses an X-Sdk-Date further than this from its clock.</summary>
    public static readonly TimeSpan MaxClockDifference = TimeSpan.FromMinutes(15);

    // The unreserved characters of RFC 3986, which the scheme leaves as they are; every other byte is %XX.
    private static readonly bool[] Unreserved = BuildUnreserved();

    private readonly Dictionary<string, HuaweiCredential> _byAccessKey;

    public HuaweiSignatureVerifier(IEnumerable<HuaweiCredential> trusted)
    {
        _byAccessKey = new Dictionary<string, HuaweiCredential>(StringComparer.Ordinal);
        foreach (HuaweiCredential credential in trusted)
        {
            _byAccessKey[credential.AccessKey] = credential;
        }
    }

    public HuaweiAuthenticationResult Verify(string method, string rawTarget, IHeaderDictionary headers, byte[] body, DateTimeOffset now)
    {
        string authorization = headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return HuaweiAuthenticationResult.Fail(HuaweiAuthenticationFailure.MissingAuthorization, "no Authorization header");
        }

        if (!TryParseAuthorization(authorization, out string accessKey, out string[] signedNames, out string signature))
        {
            return HuaweiAuthenticationResult.Fail(HuaweiAuthenticationFailure.MalformedAuthorization, "the Authorization header is not 'SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…'");
        }

        if (!_byAccessKey.TryGetValue(accessKey, out HuaweiCredential? credential))
        {
            return HuaweiAuthenticationResult.Fail(HuaweiAuthenticationFailure.UnknownAccessKey, "the access key is not known");
        }

        string date = headers["X-Sdk-Date"].ToString();
        if (date.Length == 0)
        {
            return HuaweiAuthenticationResult.Fail(HuaweiAuthenticationFailure.MissingDate, "no X-Sdk-Date header");
        }

        if (!DateTimeOffset.TryParseExact(date, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset signedAt))
        {
            return HuaweiAuthenticationResult.Fail(HuaweiAuthenticationFailure.MissingDate, $"X-Sdk-Date '{date}' is not YYYYMMDDTHHMMSSZ");
        }

        if ((now - signedAt).Duration() > MaxClockDifference)
        {
            return HuaweiAuthenticationResult.Fail(HuaweiAuthenticationFailure.DateOutOfRange, $"X-Sdk-Date {date} is more than 15 minutes from the gateway's clock ({now:yyyyMMdd'T'HHmmss'Z'}): signature expired");
        }

        foreach (string required in credential.SecurityToken is null ? new[] { "host", "x-sdk-date" } : new[] { "host", "x-sdk-date", "x-security-token" })
        {
            if (Array.IndexOf(signedNames, required) < 0)
            {
                return HuaweiAuthenticationResult.Fail(HuaweiAuthenticationFailure.HeaderNotSigned, $"'{required}' is not among the signed headers");
            }
        }

        if (credential.SecurityToken is not null
            && !string.Equals(headers["X-Security-Token"].ToString(), credential.SecurityToken, StringComparison.Ordinal))
        {
            return HuaweiAuthenticationResult.Fail(HuaweiAuthenticationFailure.SecurityTokenMismatch, "the X-Security-Token is not the one of these temporary credentials");
        }

        var canonical = new StringBuilder(512);
        int queryStart = rawTarget.IndexOf('?');
        string path = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        string query = queryStart < 0 ? "" : rawTarget[(queryStart + 1)..];
        canonical.Append(method.ToUpperInvariant()).Append('\n');
        AppendCanonicalPath(canonical, path);
        canonical.Append('\n');
        AppendCanonicalQuery(canonical, query);
        canonical.Append('\n');
        foreach (string name in signedNames)
        {
            if (!headers.TryGetValue(name, out var values))
            {
                return HuaweiAuthenticationResult.Fail(HuaweiAuthenticationFailure.SignedHeaderMissing, $"signed header '{name}' is not in the request");
            }

            canonical.Append(name).Append(':').Append(string.Join(",", values.ToArray())).Append('\n');
        }

        canonical.Append('\n').Append(string.Join(';', signedNames)).Append('\n');
        string payloadHash = Array.IndexOf(signedNames, "x-sdk-content-sha256") >= 0 ? headers["X-Sdk-Content-Sha256"].ToString() : Convert.ToHexStringLower(SHA256.HashData(body));
        canonical.Append(payloadHash);

        string stringToSign = Algorithm + "\n" + date + "\n" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
        byte[] expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(credential.SecretKey), Encoding.UTF8.GetBytes(stringToSign));
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return HuaweiAuthenticationResult.Fail(HuaweiAuthenticationFailure.MalformedAuthorization, "the signature is not hexadecimal");
        }

        return CryptographicOperations.FixedTimeEquals(expected, given)
            ? new HuaweiAuthenticationResult(HuaweiAuthenticationFailure.None, "", accessKey)
            : HuaweiAuthenticationResult.Fail(HuaweiAuthenticationFailure.BadSignature, "the signature does not match the request");
    }

    /// <summary><c>SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex</c>; the names must be lower case and sorted, as the scheme writes them.</summary>
    private static bool TryParseAuthorization(string value, out string accessKey, out string[] signedNames, out string signature)
    {
        accessKey = "";
        signedNames = Array.Empty<string>();
        signature = "";
        if (!value.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (string part in value[(Algorithm.Length + 1)..].Split(','))
        {
            string item = part.Trim();
            int equals = item.IndexOf('=');
            if (equals <= 0)
            {
                return false;
            }

            string key = item[..equals];
            string text = item[(equals + 1)..];
            switch (key)
            {
                case "Access":
                    accessKey = text;
                    break;
                case "SignedHeaders":
                    signedNames = text.Split(';');
                    break;
                case "Signature":
                    signature = text;
                    break;
                default:
                    return false;
            }
        }

        if (accessKey.Length == 0 || signature.Length == 0 || signedNames.Length == 0 || signedNames.Any(n => n.Length == 0 || n != n.ToLowerInvariant()))
        {
            return false;
        }

        return signedNames.SequenceEqual(signedNames.OrderBy(n => n, StringComparer.Ordinal));
    }

    /// <summary>Each segment of the path as it came on the wire, encoded again byte by byte; one '/' at the end.</summary>
    private static void AppendCanonicalPath(StringBuilder canonical, string path)
    {
        int start = canonical.Length;
        string[] segments = path.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                canonical.Append('/');
            }

            AppendEncoded(canonical, segments[i]);
        }

        if (canonical.Length == start || canonical[^1] != '/')
        {
            canonical.Append('/');
        }
    }

    /// <summary>The query's pairs decoded, sorted by name then value (UTF-16 order), each side encoded again.</summary>
    private static void AppendCanonicalQuery(StringBuilder canonical, string query)
    {
        var pairs = new List<(string Name, string Value)>();
        foreach (string pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=');
            string name = equals < 0 ? pair : pair[..equals];
            string value = equals < 0 ? "" : pair[(equals + 1)..];
            pairs.Add((Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }

        pairs.Sort((a, b) =>
        {
            int byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        for (int i = 0; i < pairs.Count; i++)
        {
            if (i > 0)
            {
                canonical.Append('&');
            }

            AppendEncoded(canonical, pairs[i].Name);
            canonical.Append('=');
            AppendEncoded(canonical, pairs[i].Value);
        }
    }

    private static void AppendEncoded(StringBuilder canonical, string text)
    {
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            if (Unreserved[b])
            {
                canonical.Append((char)b);
            }
            else
            {
                canonical.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
    }

    private static bool[] BuildUnreserved()
    {
        var table = new bool[256];
        foreach (char c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")
        {
            table[c] = true;
        }

        return table;
    }
}
