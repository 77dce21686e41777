using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OciBackup.Emulator.Huawei;

namespace OciBackup.Emulator.Tests.Huawei;

/// <summary>
/// Signs requests for the emulator's Huawei side the test's own way (the minimum the scheme needs: host and
/// X-Sdk-Date, plus X-Project-Id and the token when given), so the emulator is tested against a third writing of
/// the scheme besides the module's signer and Huawei's SDK vectors.
/// </summary>
internal sealed class HuaweiTestClient
{
    private readonly HttpClient _http;
    private readonly Func<DateTimeOffset> _now;

    public HuaweiTestClient(HttpClient http, HuaweiCredential credential, string projectId, Func<DateTimeOffset> now)
    {
        _http = http;
        Credential = credential;
        ProjectId = projectId;
        _now = now;
    }

    public HuaweiCredential Credential { get; set; }

    public string ProjectId { get; }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri endpoint, string pathAndQuery, string? body = null, DateTimeOffset? at = null)
    {
        var request = new HttpRequestMessage(method, new Uri(endpoint, pathAndQuery));
        byte[] bytes = body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(body);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        string date = (at ?? _now()).UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var signed = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = request.RequestUri!.Authority,
            ["x-sdk-date"] = date,
            ["x-project-id"] = ProjectId,
        };
        if (Credential.SecurityToken is not null)
        {
            signed["x-security-token"] = Credential.SecurityToken;
        }

        string path = request.RequestUri.AbsolutePath;
        string query = request.RequestUri.Query.TrimStart('?');
        var pairs = query.Length == 0
            ? new List<(string, string)>()
            : query.Split('&').Select(p => p.Split('=', 2)).Select(p => (Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))).ToList();
        pairs.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1) is int c && c != 0 ? c : string.CompareOrdinal(a.Item2, b.Item2));
        string canonical = method.Method + "\n"
            + string.Join("/", path.Split('/').Select(Uri.EscapeDataString)) + (path.EndsWith('/') ? "" : "/") + "\n"
            + string.Join("&", pairs.Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2))) + "\n"
            + string.Concat(signed.Select(h => h.Key + ":" + h.Value + "\n")) + "\n"
            + string.Join(";", signed.Keys) + "\n"
            + Convert.ToHexStringLower(SHA256.HashData(bytes));
        string toSign = "SDK-HMAC-SHA256\n" + date + "\n" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        string signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Credential.SecretKey), Encoding.UTF8.GetBytes(toSign)));
        request.Headers.Host = signed["host"];
        request.Headers.TryAddWithoutValidation("X-Sdk-Date", date);
        request.Headers.TryAddWithoutValidation("X-Project-Id", ProjectId);
        if (Credential.SecurityToken is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Security-Token", Credential.SecurityToken);
        }

        request.Headers.TryAddWithoutValidation("Authorization", $"SDK-HMAC-SHA256 Access={Credential.AccessKey}, SignedHeaders={string.Join(";", signed.Keys)}, Signature={signature}");
        return _http.SendAsync(request);
    }
}
