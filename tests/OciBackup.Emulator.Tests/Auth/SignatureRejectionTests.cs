using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OciBackup.Emulator.Tests.TestSupport;

namespace OciBackup.Emulator.Tests.Auth;

/// <summary>A correctly signed request passes; changing any one thing it signs (or should sign) gets 401.</summary>
public sealed class SignatureRejectionTests
{
    private const string Body = "{\"volumeId\":\"VOLUME\"}";

    [Theory]
    [InlineData(SigningForm.DotNet)]
    [InlineData(SigningForm.TypeScript)]
    public async Task Correctly_signed_get_and_create_are_accepted_in_both_forms(SigningForm form)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage get = await emulator.GetAsync("/volumes/" + emulator.VolumeId, form);
        using HttpResponseMessage post = await emulator.PostAsync("/volumeBackups", Body.Replace("VOLUME", emulator.VolumeId), form: form);

        Assert.Equal(200, (int)get.StatusCode);
        Assert.Equal(200, (int)post.StatusCode);
        Assert.Equal(2, emulator.Host.Statistics.AuthenticatedRequests);
    }

    [Fact]
    public async Task Changed_body_byte_is_refused()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        string body = Body.Replace("VOLUME", emulator.VolumeId);
        HttpRequestMessage request = emulator.Signer.Sign(HttpMethod.Post, emulator.Api("/volumeBackups"), body, emulator.Clock.GetUtcNow());
        byte[] tampered = Encoding.UTF8.GetBytes(body);
        tampered[^3] ^= 1;
        request.Content = new ByteArrayContent(tampered) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

        await AssertRefusedAsync(emulator, request, "BodyHashMismatch");
        Assert.Equal(0, emulator.Host.Statistics.TotalVolumeBackups);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task Date_more_than_five_minutes_away_is_refused(int minutes)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        HttpRequestMessage request = emulator.Signer.Sign(HttpMethod.Get, emulator.Api("/volumes/" + emulator.VolumeId), null,
            emulator.Clock.GetUtcNow().AddMinutes(minutes));

        await AssertRefusedAsync(emulator, request, "DateOutOfRange");
    }

    [Theory]
    [InlineData(-4)]
    [InlineData(4)]
    public async Task Date_within_five_minutes_is_accepted(int minutes)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        HttpRequestMessage request = emulator.Signer.Sign(HttpMethod.Get, emulator.Api("/volumes/" + emulator.VolumeId), null,
            emulator.Clock.GetUtcNow().AddMinutes(minutes));

        using HttpResponseMessage response = await emulator.Http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("date (request-target)", "GET")]
    [InlineData("(request-target) host", "GET")]
    [InlineData("date host", "GET")]
    [InlineData("date (request-target) host content-length content-type", "POST")]
    [InlineData("date (request-target) host content-type x-content-sha256", "POST")]
    [InlineData("date (request-target) host content-length x-content-sha256", "POST")]
    public async Task Validly_signed_request_that_omits_a_required_header_is_refused(string headers, string method)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        bool post = method == "POST";
        HttpRequestMessage request = emulator.Signer.Sign(post ? HttpMethod.Post : HttpMethod.Get,
            emulator.Api(post ? "/volumeBackups" : "/volumes/" + emulator.VolumeId),
            post ? Body.Replace("VOLUME", emulator.VolumeId) : null, emulator.Clock.GetUtcNow(), headersToSign: headers.Split(' '));

        await AssertRefusedAsync(emulator, request, "RequiredHeaderNotSigned");
    }

    [Fact]
    public async Task Signature_made_with_another_key_is_refused()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        emulator.Signer = new TestSigner(TestKeys.Rsa4096Private(), TestKeys.Rsa2048KeyId);

        await AssertRefusedAsync(emulator,
            emulator.Signer.Sign(HttpMethod.Get, emulator.Api("/volumes/" + emulator.VolumeId), null, emulator.Clock.GetUtcNow()), "BadSignature");
    }

    [Fact]
    public async Task Key_the_emulator_does_not_trust_is_refused()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        using RSA stranger = RSA.Create(2048);
        emulator.Signer = new TestSigner(stranger, $"{TestKeys.Tenancy}/{TestKeys.User}/00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff");

        await AssertRefusedAsync(emulator,
            emulator.Signer.Sign(HttpMethod.Get, emulator.Api("/volumes/" + emulator.VolumeId), null, emulator.Clock.GetUtcNow()), "UnknownKey");
    }

    [Fact]
    public async Task Request_target_changed_after_signing_is_refused()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        HttpRequestMessage request = emulator.Signer.Sign(HttpMethod.Get, emulator.Api("/volumeBackups?compartmentId=" + emulator.CompartmentId),
            null, emulator.Clock.GetUtcNow());
        request.RequestUri = emulator.Api("/volumeBackups?compartmentId=" + emulator.CompartmentId + "&limit=1");

        await AssertRefusedAsync(emulator, request, "BadSignature");
    }

    [Fact]
    public async Task Host_changed_after_signing_is_refused()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        HttpRequestMessage request = emulator.Signer.Sign(HttpMethod.Get, emulator.Api("/volumes/" + emulator.VolumeId), null, emulator.Clock.GetUtcNow());
        request.Headers.Host = "localhost";

        await AssertRefusedAsync(emulator, request, "BadSignature");
    }

    [Theory]
    [InlineData("algorithm=\"rsa-sha256\"", "algorithm=\"hmac-sha256\"", "UnsupportedAlgorithm")]
    [InlineData("version=\"1\"", "version=\"2\"", "UnsupportedVersion")]
    [InlineData("Signature ", "Bearer ", "MalformedAuthorization")]
    public async Task Authorization_with_wrong_algorithm_version_or_scheme_is_refused(string from, string to, string reason)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        HttpRequestMessage request = emulator.Signer.Sign(HttpMethod.Get, emulator.Api("/volumes/" + emulator.VolumeId), null, emulator.Clock.GetUtcNow());
        string authorization = request.Headers.GetValues("Authorization").Single();
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", authorization.Replace(from, to, StringComparison.Ordinal));

        await AssertRefusedAsync(emulator, request, reason);
    }

    [Fact]
    public async Task Authorization_parameters_are_accepted_in_any_order()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        HttpRequestMessage request = emulator.Signer.Sign(HttpMethod.Get, emulator.Api("/volumes/" + emulator.VolumeId), null, emulator.Clock.GetUtcNow());
        string authorization = request.Headers.GetValues("Authorization").Single();
        string[] parameters = authorization["Signature ".Length..].Split("\",", StringSplitOptions.None).Select(p => p.TrimEnd('"') + "\"").ToArray();
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", "Signature " + string.Join(",", parameters.Reverse()));

        using HttpResponseMessage response = await emulator.Http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Missing_authorization_is_refused()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        await AssertRefusedAsync(emulator, new HttpRequestMessage(HttpMethod.Get, emulator.Api("/volumes/" + emulator.VolumeId)), "MissingAuthorization");
    }

    [Fact]
    public async Task Refusal_logs_the_reason_but_the_response_and_log_leak_neither_reason_nor_secrets()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        HttpRequestMessage request = emulator.Signer.Sign(HttpMethod.Get, emulator.Api("/volumes/" + emulator.VolumeId), null,
            emulator.Clock.GetUtcNow().AddMinutes(10));
        string signature = request.Headers.GetValues("Authorization").Single().Split("signature=\"")[1].TrimEnd('"');
        request.Headers.TryAddWithoutValidation("opc-request-id", "client-chosen-id-1");

        using HttpResponseMessage response = await emulator.Http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("client-chosen-id-1", TestEmulator.Header(response, "opc-request-id"));
        JsonElement error = JsonDocument.Parse(body).RootElement;
        Assert.Equal("NotAuthenticated", error.GetProperty("code").GetString());
        Assert.DoesNotContain("date", error.GetProperty("message").GetString()!, StringComparison.OrdinalIgnoreCase);
        string logged = Assert.Single(emulator.Logs.Lines, l => l.Contains("401 NotAuthenticated", StringComparison.Ordinal));
        Assert.Contains("DateOutOfRange", logged, StringComparison.Ordinal);
        Assert.Contains("client-chosen-id-1", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Logs.Lines, l => l.Contains(signature, StringComparison.Ordinal));
    }

    internal static async Task AssertRefusedAsync(TestEmulator emulator, HttpRequestMessage request, string reason)
    {
        using HttpResponseMessage response = await emulator.Http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("NotAuthenticated", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(TestEmulator.Header(response, "opc-request-id")));
        Assert.Equal(new Dictionary<string, long> { [reason] = 1 }, emulator.Host.Statistics.AuthenticationFailuresByReason);
        Assert.Equal(0, emulator.Host.Statistics.AuthenticatedRequests);
    }
}
