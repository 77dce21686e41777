using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using OciBackup.Emulator.Auth;
using OciBackup.Emulator.Tests.TestSupport;

namespace OciBackup.Emulator.Tests.Auth;

/// <summary>The verifier on its own, for checks an HTTP server would not let a request reach (e.g. a lying content-length).</summary>
public sealed class SignatureVerifierTests
{
    private static readonly DateTimeOffset Now = TestEmulator.Start;

    [Fact]
    public void Content_length_that_does_not_match_the_body_is_refused_even_when_signed()
    {
        byte[] body = Encoding.UTF8.GetBytes("{\"volumeId\":\"v\"}");
        HeaderDictionary headers = SignedPost(body, claimedLength: body.Length + 1);

        AuthenticationResult result = Verifier().Verify("POST", "/20160918/volumeBackups", headers, body, Now);

        Assert.Equal(AuthenticationFailure.ContentLengthMismatch, result.Failure);
    }

    [Fact]
    public void Matching_content_length_passes()
    {
        byte[] body = Encoding.UTF8.GetBytes("{\"volumeId\":\"v\"}");

        AuthenticationResult result = Verifier().Verify("POST", "/20160918/volumeBackups", SignedPost(body, body.Length), body, Now);

        Assert.True(result.Succeeded, result.Detail);
    }

    [Theory]
    [InlineData("Signature keyId=\"k\",signature=\"s\",keyId=\"k2\"")]
    [InlineData("Signature keyId=\"k\" signature=\"s\"")]
    [InlineData("Signature keyId=k,signature=\"s\"")]
    [InlineData("Signature keyId=\"k")]
    [InlineData("Signature")]
    public void Malformed_authorization_does_not_parse(string value)
    {
        Assert.Null(AuthorizationHeader.TryParse(value));
    }

    [Fact]
    public void Authorization_parameters_parse_in_any_order_and_unknown_ones_are_ignored()
    {
        AuthorizationHeader? parsed = AuthorizationHeader.TryParse(
            "Signature signature=\"c2ln\",extra=\"x\",algorithm=\"rsa-sha256\", headers=\"date (request-target) host\",keyId=\"a/b/c\",version=\"1\"");

        Assert.NotNull(parsed);
        Assert.Equal("a/b/c", parsed!.KeyId);
        Assert.Equal("date (request-target) host", parsed.Headers);
        Assert.Equal("c2ln", parsed.Signature);
        Assert.Equal("1", parsed.Version);
    }

    private static SignatureVerifier Verifier()
    {
        var keys = new TrustedKeyStore(trustJwkSessionTokens: false);
        keys.TrustApiKey(RsaPublicKey.FromPem(TestKeys.Rsa2048PublicPem).SubjectPublicKeyInfo, null);
        return new SignatureVerifier(keys);
    }

    private static HeaderDictionary SignedPost(byte[] body, int claimedLength)
    {
        string date = Now.UtcDateTime.ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        string sha = Convert.ToBase64String(SHA256.HashData(body));
        string signing = $"date: {date}\n(request-target): post /20160918/volumeBackups\nhost: 127.0.0.1\ncontent-length: {claimedLength}\ncontent-type: application/json\nx-content-sha256: {sha}";
        using RSA key = TestKeys.Rsa2048Private();
        string signature = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(signing), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return new HeaderDictionary
        {
            ["date"] = date,
            ["host"] = "127.0.0.1",
            ["content-length"] = claimedLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["content-type"] = "application/json",
            ["x-content-sha256"] = sha,
            ["Authorization"] = $"Signature version=\"1\",headers=\"date (request-target) host content-length content-type x-content-sha256\",keyId=\"{TestKeys.Rsa2048KeyId}\",algorithm=\"rsa-sha256\",signature=\"{signature}\"",
        };
    }
}
