using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace OciBackup.Emulator.Tests.TestSupport;

/// <summary>
/// A minimal OCI request signer written for these tests from signing.md (it shares no code with the engine or the
/// emulator). It signs exactly what HttpClient will send: the URI's escaped path and query, the Host header set
/// explicitly, the Date/x-date header, and the body bytes.
/// </summary>
internal sealed class TestSigner
{
    private readonly RSA _key;
    private readonly string _keyId;

    public TestSigner(RSA key, string keyId)
    {
        _key = key;
        _keyId = keyId;
    }

    public static TestSigner Rsa2048() => new(TestKeys.Rsa2048Private(), TestKeys.Rsa2048KeyId);

    /// <param name="oboToken">A delegation token to send as opc-obo-token (appended to the signed headers unless <paramref name="headersToSign"/> says otherwise).</param>
    public HttpRequestMessage Sign(HttpMethod method, Uri uri, string? body, DateTimeOffset date,
        SigningForm form = SigningForm.DotNet, string[]? headersToSign = null, string? retryToken = null, string? oboToken = null)
    {
        var request = new HttpRequestMessage(method, uri);
        string host = form == SigningForm.DotNet ? uri.Host : uri.Host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        request.Headers.Host = host;
        string dateText = date.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation("date", dateText);
        if (form == SigningForm.TypeScript)
        {
            request.Headers.TryAddWithoutValidation("x-date", dateText);
        }

        if (retryToken is not null)
        {
            request.Headers.TryAddWithoutValidation("opc-retry-token", retryToken);
        }

        if (oboToken is not null)
        {
            request.Headers.TryAddWithoutValidation("opc-obo-token", oboToken);
        }

        bool hasBody = method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch;
        byte[] bytes = Encoding.UTF8.GetBytes(body ?? "");
        string? sha = null;
        if (hasBody)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Headers.ContentLength = bytes.Length;
            request.Content = content;
            sha = Convert.ToBase64String(SHA256.HashData(bytes));
            request.Headers.TryAddWithoutValidation("x-content-sha256", sha);
        }

        string dateName = form == SigningForm.DotNet ? "date" : "x-date";
        string[] names = headersToSign ?? (hasBody
            ? form == SigningForm.DotNet
                ? new[] { dateName, "(request-target)", "host", "content-length", "content-type", "x-content-sha256" }
                : new[] { dateName, "(request-target)", "host", "Content-Type", "Content-Length", "x-content-sha256" }
            : new[] { dateName, "(request-target)", "host" });
        if (oboToken is not null && headersToSign is null)
        {
            names = names.Append("opc-obo-token").ToArray();
        }

        var signingString = new StringBuilder();
        foreach (string name in names)
        {
            if (signingString.Length > 0)
            {
                signingString.Append('\n');
            }

            string lower = name.ToLowerInvariant();
            string value = lower switch
            {
                "(request-target)" => method.Method.ToLowerInvariant() + " " + uri.PathAndQuery,
                "host" => host,
                "date" or "x-date" => dateText,
                "content-length" => bytes.Length.ToString(CultureInfo.InvariantCulture),
                "content-type" => "application/json",
                "x-content-sha256" => sha ?? Convert.ToBase64String(SHA256.HashData(bytes)),
                "opc-obo-token" => oboToken ?? throw new ArgumentException("No opc-obo-token to sign"),
                _ => throw new ArgumentException("The test signer cannot sign " + name),
            };
            signingString.Append(lower).Append(": ").Append(value);
        }

        byte[] signature = _key.SignData(Encoding.UTF8.GetBytes(signingString.ToString()), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        string authorization = form == SigningForm.DotNet
            ? $"Signature version=\"1\",headers=\"{string.Join(' ', names)}\",keyId=\"{_keyId}\",algorithm=\"rsa-sha256\",signature=\"{Convert.ToBase64String(signature)}\""
            : $"Signature version=\"1\",keyId=\"{_keyId}\",algorithm=\"rsa-sha256\",headers=\"{string.Join(' ', names)}\",signature=\"{Convert.ToBase64String(signature)}\"";
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }
}
