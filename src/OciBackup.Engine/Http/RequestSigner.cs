using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using OciBackup.Engine.Auth;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// Signs a request the way Oracle's .NET SDK does (draft-cavage-08, rsa-sha256, the SDK's
    /// "standard" strategy), so that every header and the Authorization value match it byte for byte.
    /// </summary>
    internal sealed class RequestSigner : IRequestSigner<RequestCredentials>
    {
        public const string JsonContentType = "application/json";

        // Appended, in this order, only when the request carries them.
        private static readonly string[] OptionalSignedHeaders = { "opc-obo-token", "x-cross-tenancy-request", "x-subscription" };

        private readonly IClock _clock;

        public RequestSigner(IClock clock)
        {
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        }

        /// <summary>
        /// Sets date, host, and for POST/PUT/PATCH the body and its content headers, then the
        /// Authorization header. <paramref name="body"/> is the exact bytes to send (null = none).
        /// </summary>
        public RequestSignature Sign(HttpRequestMessage request, byte[]? body, RequestCredentials credentials)
        {
            var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
            if (!uri.IsAbsoluteUri)
            {
                throw new ArgumentException("The request URI must be absolute.", nameof(request));
            }

            var method = request.Method.Method.ToLowerInvariant();
            var date = FormatDate(_clock.UtcNow);
            // Uri.Host is already lower case and has no port; the SDK sends exactly the signed value.
            var host = uri.Host;
            request.Headers.Remove("date");
            request.Headers.TryAddWithoutValidation("date", date);
            request.Headers.Host = host;

            var names = new StringBuilder("date (request-target) host");
            var text = new StringBuilder(256);
            text.Append("date: ").Append(date)
                .Append("\n(request-target): ").Append(method).Append(' ').Append(uri.PathAndQuery)
                .Append("\nhost: ").Append(host);

            if (HasBody(request.Method))
            {
                var bytes = body ?? Array.Empty<byte>();
                var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue(JsonContentType);
                content.Headers.ContentLength = bytes.Length;
                request.Content = content;

                var hash = Sha256Base64(bytes);
                request.Headers.Remove("x-content-sha256");
                request.Headers.TryAddWithoutValidation("x-content-sha256", hash);

                names.Append(" content-length content-type x-content-sha256");
                text.Append("\ncontent-length: ").Append(bytes.Length.ToString(CultureInfo.InvariantCulture))
                    .Append("\ncontent-type: ").Append(JsonContentType)
                    .Append("\nx-content-sha256: ").Append(hash);
            }
            else if (body != null && body.Length > 0)
            {
                throw new ArgumentException($"A {request.Method} request cannot carry a body.", nameof(body));
            }

            foreach (var optional in OptionalSignedHeaders)
            {
                if (request.Headers.TryGetValues(optional, out var values))
                {
                    names.Append(' ').Append(optional);
                    text.Append('\n').Append(optional).Append(": ").Append(string.Join(", ", values));
                }
            }

            var signingString = text.ToString();
            var signature = Convert.ToBase64String(credentials.Key.SignSha256(Encoding.UTF8.GetBytes(signingString)));
            var signedHeaders = names.ToString();
            var authorization = new StringBuilder(signature.Length + credentials.KeyId.Length + 128)
                .Append("Signature version=\"1\",headers=\"").Append(signedHeaders)
                .Append("\",keyId=\"").Append(credentials.KeyId)
                .Append("\",algorithm=\"rsa-sha256\",signature=\"").Append(signature).Append('"')
                .ToString();
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            return new RequestSignature(signedHeaders, signingString);
        }

        /// <summary>RFC 1123 in GMT, as System.Net.Http writes a Date header.</summary>
        public static string FormatDate(DateTimeOffset time) =>
            time.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

        internal static bool HasBody(HttpMethod method) =>
            method == HttpMethod.Post || method == HttpMethod.Put || string.Equals(method.Method, "PATCH", StringComparison.OrdinalIgnoreCase);

        private static string Sha256Base64(byte[] bytes)
        {
            using var sha = SHA256.Create();
            return Convert.ToBase64String(sha.ComputeHash(bytes));
        }
    }
}
