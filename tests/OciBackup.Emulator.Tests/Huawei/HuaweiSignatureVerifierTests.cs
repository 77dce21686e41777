using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OciBackup.Emulator.Huawei;
using OciBackup.Emulator.Tests.TestSupport;

namespace OciBackup.Emulator.Tests.Huawei;

/// <summary>The emulator's verifier against what Huawei's own Node SDK sent (tests/vectors/huawei): every case accepted, any change refused.</summary>
public class HuaweiSignatureVerifierTests
{
    private static readonly Lazy<JsonDocument> Vectors = new(() => JsonDocument.Parse(ReferenceFiles.Read("huawei/signing-vectors.json")));

    public static TheoryData<string> VectorNames()
    {
        var names = new TheoryData<string>();
        foreach (JsonElement vector in Vectors.Value.RootElement.GetProperty("vectors").EnumerateArray())
        {
            names.Add(vector.GetProperty("name").GetString()!);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Accepts_each_request_huaweis_sdk_signed(string name)
    {
        (HuaweiSignatureVerifier verifier, string method, string target, HeaderDictionary headers, byte[] body, DateTimeOffset at) = Wire(name);

        HuaweiAuthenticationResult result = verifier.Verify(method, target, headers, body, at);

        Assert.True(result.Succeeded, $"{result.Failure}: {result.Detail}");
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Refuses_each_request_with_one_signed_thing_changed(string name)
    {
        (HuaweiSignatureVerifier verifier, string method, string target, HeaderDictionary headers, byte[] body, DateTimeOffset at) = Wire(name);
        headers["X-Sdk-Date"] = at.AddSeconds(1).UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

        Assert.Equal(HuaweiAuthenticationFailure.BadSignature, verifier.Verify(method, target, headers, body, at).Failure);
    }

    [Fact]
    public void Refuses_a_changed_body_or_query()
    {
        (HuaweiSignatureVerifier verifier, string method, string target, HeaderDictionary headers, byte[] body, DateTimeOffset at) = Wire("vbs-create-backup-ascii");
        (HuaweiSignatureVerifier listVerifier, string listMethod, string listTarget, HeaderDictionary listHeaders, byte[] listBody, DateTimeOffset listAt) = Wire("vbs-backups-list-detail");

        Assert.Equal(HuaweiAuthenticationFailure.BadSignature, verifier.Verify(method, target, headers, body.Concat(new[] { (byte)' ' }).ToArray(), at).Failure);
        Assert.Equal(HuaweiAuthenticationFailure.BadSignature, listVerifier.Verify(listMethod, listTarget.Replace("limit=10", "limit=11"), listHeaders, listBody, listAt).Failure);
    }

    [Fact]
    public void Refuses_a_date_more_than_15_minutes_from_its_clock()
    {
        (HuaweiSignatureVerifier verifier, string method, string target, HeaderDictionary headers, byte[] body, DateTimeOffset at) = Wire("vbs-job-query");

        Assert.True(verifier.Verify(method, target, headers, body, at.AddMinutes(15)).Succeeded);
        Assert.Equal(HuaweiAuthenticationFailure.DateOutOfRange, verifier.Verify(method, target, headers, body, at.AddMinutes(15).AddSeconds(1)).Failure);
    }

    [Fact]
    public void Refuses_temporary_credentials_without_their_token()
    {
        (HuaweiSignatureVerifier verifier, string method, string target, HeaderDictionary headers, byte[] body, DateTimeOffset at) = Wire("temporary-credentials-vbs-create");
        headers["X-Security-Token"] = "another-token";

        Assert.Equal(HuaweiAuthenticationFailure.SecurityTokenMismatch, verifier.Verify(method, target, headers, body, at).Failure);
    }

    [Fact]
    public void Refuses_an_unknown_access_key_and_a_missing_authorization()
    {
        (_, string method, string target, HeaderDictionary headers, byte[] body, DateTimeOffset at) = Wire("vbs-job-query");
        var stranger = new HuaweiSignatureVerifier(new[] { new HuaweiCredential("SOMEONEELSE000000000", "secret") });

        Assert.Equal(HuaweiAuthenticationFailure.UnknownAccessKey, stranger.Verify(method, target, headers, body, at).Failure);
        headers.Remove("Authorization");
        Assert.Equal(HuaweiAuthenticationFailure.MissingAuthorization, stranger.Verify(method, target, headers, body, at).Failure);
    }

    /// <summary>The request as it went on the wire (URL, headers, body), the credentials the emulator must trust for it, and when it was signed.</summary>
    private static (HuaweiSignatureVerifier, string, string, HeaderDictionary, byte[], DateTimeOffset) Wire(string name)
    {
        JsonElement vector = Vectors.Value.RootElement.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);
        JsonElement credentials = vector.GetProperty("credentials");
        var trusted = new HuaweiCredential(credentials.GetProperty("ak").GetString()!, credentials.GetProperty("sk").GetString()!,
            credentials.TryGetProperty("securityToken", out JsonElement token) ? token.GetString() : null);
        JsonElement wire = vector.GetProperty("expected").GetProperty("wire");
        var url = new Uri(wire.GetProperty("url").GetString()!);
        var headers = new HeaderDictionary();
        foreach (JsonProperty header in wire.GetProperty("headers").EnumerateObject())
        {
            headers[header.Name] = header.Value.GetString();
        }

        byte[] body = Convert.FromBase64String(vector.GetProperty("request").GetProperty("bodyBase64").GetString()!);
        DateTimeOffset at = DateTimeOffset.Parse(vector.GetProperty("fixedDate").GetProperty("iso").GetString()!, CultureInfo.InvariantCulture);
        return (new HuaweiSignatureVerifier(new[] { trusted }), vector.GetProperty("request").GetProperty("method").GetString()!, url.PathAndQuery, headers, body, at);
    }
}
