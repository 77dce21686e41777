using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using OciBackup.Engine.Http;

namespace OciBackup.Engine.Huawei.Auth
{
    /// <summary>
    /// Signs requests with SDK-HMAC-SHA256 exactly as Huawei Cloud's SDKs do (the Node SDK's <c>AKSKSigner</c> reached
    /// through <c>BasicCredentials.processAuthRequest</c>): the same headers added, the same canonical request, string to
    /// sign, signature and Authorization, byte for byte.
    /// </summary>
    /// <remarks>
    /// Where the SDK and a literal reading of the signing guide differ, this follows the SDK, since that is what the
    /// gateway is known to accept: header values are not trimmed, query pairs are sorted by their raw (unencoded) keys
    /// and values in UTF-16 order, and the path is encoded as given, so a segment already in wire form (<c>%20</c>) is
    /// encoded once more (<c>%2520</c>).
    /// </remarks>
    internal sealed class HwcRequestSigner : IRequestSigner<HwcCredentials>
    {
        public const string Algorithm = "SDK-HMAC-SHA256";
        public const string DateHeader = "X-Sdk-Date";
        public const string ProjectIdHeader = "X-Project-Id";
        public const string SecurityTokenHeader = "X-Security-Token";
        public const string ContentSha256Header = "X-Sdk-Content-Sha256";
        public const string JsonContentType = "application/json";
        public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

        private const string HostHeader = "host";
        private const string ContentTypeHeader = "content-type";
        private const string HexDigits = "0123456789ABCDEF";

        // The SDK adds these after it has signed; Authorization is the signature itself.
        private static readonly HashSet<string> UnsignedHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "User-Agent", "Accept", "Content-Length", "Authorization",
        };

        // Set from the credentials and the clock, whatever the caller put there.
        private static readonly HashSet<string> SignerHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            DateHeader, HostHeader, ProjectIdHeader, SecurityTokenHeader,
        };

        private readonly IClock _clock;
        private readonly bool _contentTypeWithoutBody;

        /// <param name="contentTypeWithoutBody">
        /// Sign (and send) <c>content-type: application/json</c> on requests without a body too, as the SDK's generated
        /// clients do. .NET Framework cannot send a GET with content, so there it is false: the signature stays valid
        /// (the gateway checks what is signed), it is just not the SDK's byte for byte.
        /// </param>
        public HwcRequestSigner(IClock clock, bool contentTypeWithoutBody = true)
        {
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _contentTypeWithoutBody = contentTypeWithoutBody;
        }

        /// <summary>Whether this runtime's HTTP stack can send a GET that carries a Content-Type (everything but .NET Framework).</summary>
        public static bool RuntimeSendsContentWithGet { get; } =
            !System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        /// <summary>UTC as the SDK writes X-Sdk-Date: <c>20250314T092653Z</c>.</summary>
        public static string FormatDate(DateTimeOffset time) =>
            time.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

        /// <summary>
        /// Adds what the SDK adds (content-type, X-Project-Id, X-Security-Token, X-Sdk-Date, host), then signs every
        /// header: the returned headers are the request's signed headers plus Authorization.
        /// </summary>
        public HwcSignedRequest Sign(HwcSigningRequest request, HwcCredentials credentials)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            if (credentials == null)
            {
                throw new ArgumentNullException(nameof(credentials));
            }

            var headers = new List<KeyValuePair<string, string>>(request.Headers.Count + 6);
            string? callerContentType = null;
            foreach (var header in request.Headers)
            {
                if (string.Equals(header.Key, ContentTypeHeader, StringComparison.OrdinalIgnoreCase))
                {
                    callerContentType = header.Value;
                }
                else if (!SignerHeaders.Contains(header.Key) && !UnsignedHeaders.Contains(header.Key))
                {
                    headers.Add(header);
                }
            }

            if (credentials.ProjectId != null)
            {
                headers.Add(new KeyValuePair<string, string>(ProjectIdHeader, credentials.ProjectId));
            }

            if (credentials.SecurityToken != null)
            {
                headers.Add(new KeyValuePair<string, string>(SecurityTokenHeader, credentials.SecurityToken));
            }

            if (_contentTypeWithoutBody || request.Body != null || HasBody(request.Method))
            {
                // The SDK sends any JSON flavour (application/json;charset=UTF-8) as exactly application/json, and
                // leaves other payloads unhashed.
                var contentType = callerContentType == null || callerContentType.IndexOf(JsonContentType, StringComparison.OrdinalIgnoreCase) >= 0
                    ? JsonContentType
                    : callerContentType;
                headers.Add(new KeyValuePair<string, string>(ContentTypeHeader, contentType));
                if (!string.Equals(contentType, JsonContentType, StringComparison.Ordinal) && !Contains(headers, ContentSha256Header))
                {
                    headers.Add(new KeyValuePair<string, string>(ContentSha256Header, UnsignedPayload));
                }
            }

            var date = FormatDate(_clock.UtcNow);
            headers.Add(new KeyValuePair<string, string>(DateHeader, date));
            headers.Add(new KeyValuePair<string, string>(HostHeader, request.Host));

            var payloadHash = ValueOf(headers, ContentSha256Header) ?? HexSha256(request.Body ?? Array.Empty<byte>());
            var signedHeaders = SignedHeaderList(headers, out var canonicalHeaders);
            var canonicalRequest = new StringBuilder(512)
                .Append(request.Method).Append('\n')
                .Append(CanonicalUri(request.Path)).Append('\n')
                .Append(CanonicalQuery(request.Query)).Append('\n')
                .Append(canonicalHeaders).Append('\n')
                .Append(signedHeaders).Append('\n')
                .Append(payloadHash)
                .ToString();
            var stringToSign = Algorithm + "\n" + date + "\n" + HexSha256(Encoding.UTF8.GetBytes(canonicalRequest));
            string signature;
            using (var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(credentials.SecretKey)))
            {
                signature = Hex(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
            }

            var authorization = $"{Algorithm} Access={credentials.AccessKey}, SignedHeaders={signedHeaders}, Signature={signature}";
            headers.Add(new KeyValuePair<string, string>("Authorization", authorization));
            return new HwcSignedRequest(headers, canonicalRequest, stringToSign, signedHeaders, signature, authorization);
        }

        /// <summary>
        /// Signs an HTTP request about to be sent: its path and query as they go on the wire, every header on it but the
        /// ones the SDK never signs (User-Agent, Accept, Content-Length), and <paramref name="body"/>, which becomes its
        /// content. The signed headers and Authorization are then set on it.
        /// </summary>
        public RequestSignature Sign(HttpRequestMessage request, byte[]? body, HwcCredentials credentials)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
            if (!uri.IsAbsoluteUri)
            {
                throw new ArgumentException("The request URI must be absolute.", nameof(request));
            }

            var hasBody = HasBody(request.Method.Method);
            if (!hasBody && body != null && body.Length > 0)
            {
                throw new ArgumentException($"A {request.Method} request cannot carry a body.", nameof(body));
            }

            var input = new HwcSigningRequest(request.Method.Method, uri.Authority, uri.AbsolutePath, hasBody ? body ?? Array.Empty<byte>() : null);
            input.Query.AddRange(ParseQuery(uri.Query));
            foreach (var header in request.Headers)
            {
                input.Headers.Add(new KeyValuePair<string, string>(header.Key, string.Join(", ", header.Value)));
            }

            if (request.Content != null)
            {
                foreach (var header in request.Content.Headers)
                {
                    input.Headers.Add(new KeyValuePair<string, string>(header.Key, string.Join(", ", header.Value)));
                }
            }

            var signed = Sign(input, credentials);
            foreach (var header in signed.Headers)
            {
                if (string.Equals(header.Key, ContentTypeHeader, StringComparison.OrdinalIgnoreCase))
                {
                    request.Content = new ByteArrayContent(input.Body ?? Array.Empty<byte>());
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(header.Value);
                }
                else if (string.Equals(header.Key, HostHeader, StringComparison.OrdinalIgnoreCase))
                {
                    request.Headers.Host = header.Value;
                }
                else
                {
                    request.Headers.Remove(header.Key);
                    request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            return new RequestSignature(signed.SignedHeaders, signed.StringToSign, signed.CanonicalRequest);
        }

        /// <summary>Each path segment percent-encoded, always ending with one <c>/</c> (the SDK sends the path without it).</summary>
        public static string CanonicalUri(string path)
        {
            var segments = path.Split('/');
            var builder = new StringBuilder(path.Length + 16);
            for (var i = 0; i < segments.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append('/');
                }

                builder.Append(Encode(segments[i]));
            }

            if (builder.Length == 0 || builder[builder.Length - 1] != '/')
            {
                builder.Append('/');
            }

            return builder.ToString();
        }

        /// <summary><c>key=value</c> pairs joined with <c>&amp;</c>, sorted by raw key then raw value (ordinal, as JavaScript sorts), each part encoded.</summary>
        public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> query)
        {
            var pairs = new List<KeyValuePair<string, string>>(query);
            pairs.Sort((a, b) =>
            {
                var byKey = string.CompareOrdinal(a.Key, b.Key);
                return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
            });
            var builder = new StringBuilder();
            foreach (var pair in pairs)
            {
                if (builder.Length > 0)
                {
                    builder.Append('&');
                }

                builder.Append(Encode(pair.Key)).Append('=').Append(Encode(pair.Value ?? string.Empty));
            }

            return builder.ToString();
        }

        /// <summary>Every UTF-8 byte but <c>A-Z a-z 0-9 - _ . ~</c> as <c>%XX</c> with upper-case hex (a space is <c>%20</c>, never <c>+</c>).</summary>
        public static string Encode(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            var builder = new StringBuilder(bytes.Length * 3);
            foreach (var b in bytes)
            {
                if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '_' || b == '.' || b == '~')
                {
                    builder.Append((char)b);
                }
                else
                {
                    builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
                }
            }

            return builder.ToString();
        }

        /// <summary>The raw pairs of a URI's query (<c>?a=1&amp;b=</c>), percent-decoded.</summary>
        public static IEnumerable<KeyValuePair<string, string>> ParseQuery(string query)
        {
            if (string.IsNullOrEmpty(query))
            {
                yield break;
            }

            foreach (var part in query.TrimStart('?').Split('&'))
            {
                if (part.Length == 0)
                {
                    continue;
                }

                var equals = part.IndexOf('=');
                var key = equals < 0 ? part : part.Substring(0, equals);
                var value = equals < 0 ? string.Empty : part.Substring(equals + 1);
                yield return new KeyValuePair<string, string>(Uri.UnescapeDataString(key), Uri.UnescapeDataString(value));
            }
        }

        public static string HexSha256(byte[] bytes)
        {
            using var sha = SHA256.Create();
            return Hex(sha.ComputeHash(bytes));
        }

        private static bool HasBody(string method) =>
            string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "PUT", StringComparison.OrdinalIgnoreCase)
            || string.Equals(method, "PATCH", StringComparison.OrdinalIgnoreCase);

        private static string SignedHeaderList(List<KeyValuePair<string, string>> headers, out string canonicalHeaders)
        {
            var lines = new List<KeyValuePair<string, string>>(headers.Count);
            foreach (var header in headers)
            {
                lines.Add(new KeyValuePair<string, string>(header.Key.ToLowerInvariant(), header.Value));
            }

            lines.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            var canonical = new StringBuilder(256);
            var names = new StringBuilder(128);
            foreach (var line in lines)
            {
                canonical.Append(line.Key).Append(':').Append(line.Value).Append('\n');
                if (names.Length > 0)
                {
                    names.Append(';');
                }

                names.Append(line.Key);
            }

            canonicalHeaders = canonical.ToString();
            return names.ToString();
        }

        private static bool Contains(List<KeyValuePair<string, string>> headers, string name) => ValueOf(headers, name) != null;

        private static string? ValueOf(List<KeyValuePair<string, string>> headers, string name)
        {
            foreach (var header in headers)
            {
                if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return header.Value;
                }
            }

            return null;
        }

        private static string Hex(byte[] bytes)
        {
            var builder = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes)
            {
                builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }
    }
}
