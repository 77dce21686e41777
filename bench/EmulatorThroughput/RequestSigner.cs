using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OciBackup.Bench.EmulatorThroughput;

/// <summary>
/// Signs OCI requests in the .NET SDK form (shared/reference/signing.md). RSASSA-PKCS1-v1_5 is deterministic and
/// the Date header has one-second resolution, so the signature for one (request, second) pair is computed once
/// and reused: byte for byte what signing every request would send, without making the client's RSA private-key
/// operations the thing being measured. <c>--sign-every-request</c> turns the reuse off.
/// </summary>
internal sealed class RequestSigner
{
    private readonly RSA _key;
    private readonly string _keyId;
    private readonly bool _signEveryRequest;
    private readonly object _gate = new();
    private readonly Dictionary<string, (string Date, string Authorization)> _cache = new(StringComparer.Ordinal);

    public RequestSigner(RSA key, string keyId, bool signEveryRequest)
    {
        _key = key;
        _keyId = keyId;
        _signEveryRequest = signEveryRequest;
    }

    public long Signatures { get; private set; }

    public HttpRequestMessage Get(Uri uri) => Build(HttpMethod.Get, uri, null, null);

    public HttpRequestMessage Post(Uri uri, byte[] body, string bodySha256, string retryToken)
    {
        HttpRequestMessage request = Build(HttpMethod.Post, uri, body, bodySha256);
        request.Headers.TryAddWithoutValidation("opc-retry-token", retryToken);
        return request;
    }

    private HttpRequestMessage Build(HttpMethod method, Uri uri, byte[]? body, string? bodySha256)
    {
        string date = DateTime.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        string cacheKey = method.Method + " " + uri.PathAndQuery + " " + bodySha256;
        string? authorization = null;
        if (!_signEveryRequest)
        {
            lock (_gate)
            {
                if (_cache.TryGetValue(cacheKey, out var cached) && cached.Date == date)
                {
                    authorization = cached.Authorization;
                }
            }
        }

        if (authorization is null)
        {
            authorization = Sign(method, uri, date, body, bodySha256);
            lock (_gate)
            {
                _cache[cacheKey] = (date, authorization);
                Signatures++;
            }
        }

        var request = new HttpRequestMessage(method, uri);
        request.Headers.Host = uri.Host;
        request.Headers.TryAddWithoutValidation("date", date);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            request.Content.Headers.ContentLength = body.Length;
            request.Headers.TryAddWithoutValidation("x-content-sha256", bodySha256);
        }

        return request;
    }

    private string Sign(HttpMethod method, Uri uri, string date, byte[]? body, string? bodySha256)
    {
        var text = new StringBuilder()
            .Append("date: ").Append(date)
            .Append("\n(request-target): ").Append(method.Method.ToLowerInvariant()).Append(' ').Append(uri.PathAndQuery)
            .Append("\nhost: ").Append(uri.Host);
        string headers = "date (request-target) host";
        if (body is not null)
        {
            text.Append("\ncontent-length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture))
                .Append("\ncontent-type: application/json")
                .Append("\nx-content-sha256: ").Append(bodySha256);
            headers += " content-length content-type x-content-sha256";
        }

        byte[] signature = _key.SignData(Encoding.UTF8.GetBytes(text.ToString()), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"Signature version=\"1\",headers=\"{headers}\",keyId=\"{_keyId}\",algorithm=\"rsa-sha256\",signature=\"{Convert.ToBase64String(signature)}\"";
    }
}
