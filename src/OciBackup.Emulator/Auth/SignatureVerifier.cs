using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace OciBackup.Emulator.Auth;

/// <summary>
/// Checks a request's OCI HTTP signature as the service does (shared/reference/signing.md, "What a server checks"):
/// parameters in any order, rsa-sha256, version 1, the required headers signed for the method, the signing string
/// rebuilt from the request as received, the key named by keyId, the date within five minutes, and the body's hash
/// and length. Both the .NET SDK form (date, host without port) and the TypeScript form (x-date, host with port,
/// capitalised names in the list) pass because nothing is assumed beyond what the request itself carries.
/// </summary>
internal sealed class SignatureVerifier
{
    public static readonly TimeSpan MaxClockDifference = TimeSpan.FromMinutes(5);

    public const string DelegationHeader = "opc-obo-token";

    private readonly IKeyResolver _keys;
    private readonly Func<string, DateTimeOffset, string?>? _delegationTokenProblem;
    private readonly bool _requireHost;

    /// <param name="delegationTokenProblem">
    /// Checks an <c>opc-obo-token</c> (null when it is valid, else why not); null refuses every request that carries one.
    /// </param>
    /// <param name="requireHost">
    /// False for the federation endpoint, which accepts the Python and Go SDKs' requests that do not sign host.
    /// </param>
    public SignatureVerifier(IKeyResolver keys, Func<string, DateTimeOffset, string?>? delegationTokenProblem = null, bool requireHost = true)
    {
        _keys = keys;
        _delegationTokenProblem = delegationTokenProblem;
        _requireHost = requireHost;
    }

    public AuthenticationResult Verify(string method, string rawTarget, IHeaderDictionary headers, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        StringValues authorizationValues = headers.Authorization;
        if (authorizationValues.Count == 0)
        {
            return AuthenticationResult.Fail(AuthenticationFailure.MissingAuthorization, "no Authorization header");
        }

        if (authorizationValues.Count > 1)
        {
            return AuthenticationResult.Fail(AuthenticationFailure.MalformedAuthorization, "more than one Authorization header");
        }

        AuthorizationHeader? authorization = AuthorizationHeader.TryParse(authorizationValues[0]!);
        if (authorization is null || authorization.KeyId is null || authorization.Signature is null)
        {
            return AuthenticationResult.Fail(AuthenticationFailure.MalformedAuthorization, "Authorization is not a Signature with keyId and signature");
        }

        if (!string.Equals(authorization.Algorithm, "rsa-sha256", StringComparison.Ordinal))
        {
            return AuthenticationResult.Fail(AuthenticationFailure.UnsupportedAlgorithm, "algorithm is not rsa-sha256");
        }

        if (!string.Equals(authorization.Version, "1", StringComparison.Ordinal))
        {
            return AuthenticationResult.Fail(AuthenticationFailure.UnsupportedVersion, "version is not 1");
        }

        // draft-cavage: an absent headers parameter means "date" alone, which never covers what OCI requires.
        string[] signedHeaders = (authorization.Headers ?? "date")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(h => h.ToLowerInvariant())
            .ToArray();
        string? uncovered = FirstUncoveredRequirement(method, signedHeaders, _requireHost);
        if (uncovered is not null)
        {
            return AuthenticationResult.Fail(AuthenticationFailure.RequiredHeaderNotSigned, "required header not signed: " + uncovered);
        }

        TrustedKey? key = _keys.Resolve(authorization.KeyId, out string keyDetail);
        if (key is null)
        {
            return AuthenticationResult.Fail(AuthenticationFailure.UnknownKey, keyDetail);
        }

        if (key.ExpiresAt is DateTimeOffset expires && now >= expires)
        {
            return AuthenticationResult.Fail(AuthenticationFailure.ExpiredSessionToken, key.Description + " expired at " + expires.ToString("O", CultureInfo.InvariantCulture));
        }

        foreach (string dateHeader in new[] { "x-date", "date" })
        {
            if (Array.IndexOf(signedHeaders, dateHeader) < 0)
            {
                continue;
            }

            string? value = HeaderValue(headers, dateHeader);
            if (value is null)
            {
                return AuthenticationResult.Fail(AuthenticationFailure.SignedHeaderMissing, "signed header absent: " + dateHeader);
            }

            if (!DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date))
            {
                return AuthenticationResult.Fail(AuthenticationFailure.DateUnparseable, dateHeader + " is not an RFC 1123 date");
            }

            TimeSpan difference = (now - date).Duration();
            if (difference > MaxClockDifference)
            {
                return AuthenticationResult.Fail(AuthenticationFailure.DateOutOfRange,
                    $"{dateHeader} is {difference.TotalSeconds:0} s from the emulator's clock (limit {MaxClockDifference.TotalSeconds:0} s)");
            }
        }

        if (Array.IndexOf(signedHeaders, "x-content-sha256") >= 0)
        {
            string? claimed = HeaderValue(headers, "x-content-sha256");
            if (claimed is null)
            {
                return AuthenticationResult.Fail(AuthenticationFailure.SignedHeaderMissing, "signed header absent: x-content-sha256");
            }

            if (!HashMatches(claimed, body))
            {
                return AuthenticationResult.Fail(AuthenticationFailure.BodyHashMismatch, "x-content-sha256 does not match the body received");
            }
        }

        if (Array.IndexOf(signedHeaders, "content-length") >= 0)
        {
            string? claimed = HeaderValue(headers, "content-length");
            if (claimed is null)
            {
                return AuthenticationResult.Fail(AuthenticationFailure.SignedHeaderMissing, "signed header absent: content-length");
            }

            if (!long.TryParse(claimed, NumberStyles.None, CultureInfo.InvariantCulture, out long length) || length != body.Length)
            {
                return AuthenticationResult.Fail(AuthenticationFailure.ContentLengthMismatch, "content-length does not match the body received");
            }
        }

        byte[]? rented = null;
        try
        {
            string? missing = BuildSigningString(method, rawTarget, headers, signedHeaders, out rented, out int length);
            if (missing is not null)
            {
                return AuthenticationResult.Fail(AuthenticationFailure.SignedHeaderMissing, "signed header absent: " + missing);
            }

            Span<byte> signature = stackalloc byte[1024];
            if (!Convert.TryFromBase64String(authorization.Signature, signature, out int signatureLength))
            {
                return AuthenticationResult.Fail(AuthenticationFailure.MalformedAuthorization, "signature is not base64 of at most 1024 bytes");
            }

            if (!key.Key.Verify(rented.AsSpan(0, length), signature[..signatureLength]))
            {
                return AuthenticationResult.Fail(AuthenticationFailure.BadSignature, "signature does not verify with " + key.Description);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        string? delegationToken = HeaderValue(headers, DelegationHeader);
        if (delegationToken is not null)
        {
            // A delegation token acts for a user: it must be covered by the signature, or anyone could swap it.
            if (Array.IndexOf(signedHeaders, DelegationHeader) < 0)
            {
                return AuthenticationResult.Fail(AuthenticationFailure.RequiredHeaderNotSigned, "required header not signed: " + DelegationHeader);
            }

            string? problem = _delegationTokenProblem is null ? "delegation tokens are not accepted here" : _delegationTokenProblem(delegationToken, now);
            if (problem is not null)
            {
                return AuthenticationResult.Fail(AuthenticationFailure.InvalidDelegationToken, problem);
            }

            return AuthenticationResult.Success(key.Description, delegated: true);
        }

        return AuthenticationResult.Success(key.Description);
    }

    private static string? FirstUncoveredRequirement(string method, string[] signed, bool requireHost)
    {
        if (Array.IndexOf(signed, "(request-target)") < 0)
        {
            return "(request-target)";
        }

        if (requireHost && Array.IndexOf(signed, "host") < 0)
        {
            return "host";
        }

        if (Array.IndexOf(signed, "date") < 0 && Array.IndexOf(signed, "x-date") < 0)
        {
            return "date or x-date";
        }

        if (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method))
        {
            foreach (string required in new[] { "content-length", "content-type", "x-content-sha256" })
            {
                if (Array.IndexOf(signed, required) < 0)
                {
                    return required;
                }
            }
        }

        return null;
    }

    private static bool HashMatches(string claimed, ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        Span<char> encoded = stackalloc char[44];
        Convert.TryToBase64Chars(hash, encoded, out int written);
        return encoded[..written].SequenceEqual(claimed.AsSpan().Trim());
    }

    /// <summary>Header values as the signer saw them: repeated headers joined with ", ", surrounding whitespace trimmed.</summary>
    private static string? HeaderValue(IHeaderDictionary headers, string name)
    {
        StringValues values = headers[name];
        return values.Count switch
        {
            0 => null,
            1 => values[0]!.Trim(),
            _ => string.Join(", ", values.Select(v => v!.Trim())),
        };
    }

    private static string? BuildSigningString(string method, string rawTarget, IHeaderDictionary headers, string[] signedHeaders,
        out byte[] buffer, out int length)
    {
        var builder = new StringBuilder(512);
        for (int i = 0; i < signedHeaders.Length; i++)
        {
            string name = signedHeaders[i];
            if (i > 0)
            {
                builder.Append('\n');
            }

            builder.Append(name).Append(": ");
            if (name == "(request-target)")
            {
                builder.Append(method.ToLowerInvariant()).Append(' ').Append(rawTarget);
                continue;
            }

            string? value = HeaderValue(headers, name);
            if (value is null)
            {
                buffer = ArrayPool<byte>.Shared.Rent(1);
                length = 0;
                return name;
            }

            builder.Append(value);
        }

        int max = Encoding.UTF8.GetMaxByteCount(builder.Length);
        buffer = ArrayPool<byte>.Shared.Rent(max);
        length = Encoding.UTF8.GetBytes(builder.ToString(), buffer);
        return null;
    }
}
