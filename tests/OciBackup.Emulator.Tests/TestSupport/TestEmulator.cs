using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OciBackup.Emulator.Tests.TestSupport;

/// <summary>
/// An in-process emulator on an ephemeral port with a fake clock, trusting the reference test keys, plus a
/// client that signs with the rsa2048 test key. One per test; disposing stops it.
/// </summary>
internal sealed class TestEmulator : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 5, 7, TimeSpan.Zero);

    private TestEmulator(EmulatorHost host, ObservableFakeTimeProvider clock, CapturingLoggerProvider logs)
    {
        Host = host;
        Clock = clock;
        Logs = logs;
        Http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public EmulatorHost Host { get; }

    public ObservableFakeTimeProvider Clock { get; }

    public CapturingLoggerProvider Logs { get; }

    public HttpClient Http { get; }

    public TestSigner Signer { get; set; } = TestSigner.Rsa2048();

    public EmulatorCompartment Compartment => Host.Compartments[0];

    public string CompartmentId => Compartment.Id;

    /// <summary>A volume that is in no group.</summary>
    public string VolumeId => Compartment.VolumeIds.Last();

    public string VolumeGroupId => Compartment.VolumeGroupIds[0];

    public static async Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null, DateTimeOffset? start = null)
    {
        var clock = new ObservableFakeTimeProvider(start ?? Start);
        var logs = new CapturingLoggerProvider();
        var options = new EmulatorOptions
        {
            TimeProvider = clock,
            RandomSeed = 42,
            LogLevel = LogLevel.Debug,
            ConfigureLogging = logging => logging.AddProvider(logs),
        };
        options.CompartmentNames.Add("test");
        options.TrustedPublicKeyPems.Add(TestKeys.Rsa2048PublicPem);
        options.TrustedPublicKeyPems.Add(TestKeys.Rsa4096PublicPem);
        configure?.Invoke(options);
        EmulatorHost host = await EmulatorHost.StartAsync(options, CancellationToken.None);
        return new TestEmulator(host, clock, logs);
    }

    /// <summary>A URL of the API at a region's endpoint (the home region's by default).</summary>
    public Uri Api(string pathAndQuery, string? region = null) =>
        new((region is null ? Host.BaseAddress : Host.Endpoints[region]).ToString().TrimEnd('/') + "/20160918" + pathAndQuery);

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, SigningForm form = SigningForm.DotNet, string? requestId = null, string? region = null)
    {
        HttpRequestMessage request = Signer.Sign(HttpMethod.Get, Api(pathAndQuery, region), null, Clock.GetUtcNow(), form);
        if (requestId is not null)
        {
            request.Headers.TryAddWithoutValidation("opc-request-id", requestId);
        }

        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string path, string body, string? retryToken = null, SigningForm form = SigningForm.DotNet, string? region = null) =>
        Http.SendAsync(Signer.Sign(HttpMethod.Post, Api(path, region), body, Clock.GetUtcNow(), form, retryToken: retryToken));

    public Task<HttpResponseMessage> DeleteAsync(string path, string? ifMatch = null, string? region = null, string? requestId = null)
    {
        HttpRequestMessage request = Signer.Sign(HttpMethod.Delete, Api(path, region), null, Clock.GetUtcNow());
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("if-match", ifMatch);
        }

        if (requestId is not null)
        {
            request.Headers.TryAddWithoutValidation("opc-request-id", requestId);
        }

        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> CreateVolumeBackupAsync(string? volumeId = null, string? retryToken = null, string? extra = null) =>
        PostAsync("/volumeBackups", "{\"volumeId\":\"" + (volumeId ?? VolumeId) + "\"" + (extra is null ? "" : "," + extra) + "}", retryToken);

    public Task<HttpResponseMessage> CreateVolumeGroupBackupAsync(string? volumeGroupId = null, string? retryToken = null, string? extra = null) =>
        PostAsync("/volumeGroupBackups", "{\"volumeGroupId\":\"" + (volumeGroupId ?? VolumeGroupId) + "\"" + (extra is null ? "" : "," + extra) + "}", retryToken);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        using JsonDocument document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public async Task<JsonElement> GetJsonAsync(string pathAndQuery, string? region = null)
    {
        using HttpResponseMessage response = await GetAsync(pathAndQuery, region: region);
        Assert.Equal(200, (int)response.StatusCode);
        return await JsonAsync(response);
    }

    /// <summary>The body of a 200 answer (asserting the status, and showing the body when it is not 200).</summary>
    public static async Task<JsonElement> OkJsonAsync(Task<HttpResponseMessage> sending)
    {
        using HttpResponseMessage response = await sending;
        JsonElement body = await JsonAsync(response);
        Assert.True(200 == (int)response.StatusCode, $"{(int)response.StatusCode} {body.GetRawText()}");
        return body;
    }

    /// <summary>The id of the resource a create, copy or restore answered with (asserting 200).</summary>
    public static async Task<string> IdAsync(Task<HttpResponseMessage> sending) =>
        (await OkJsonAsync(sending)).GetProperty("id").GetString()!;

    public async Task<JsonElement> AdminJsonAsync(string path)
    {
        using HttpResponseMessage response = await Http.GetAsync(new Uri(Host.BaseAddress, "admin" + path));
        Assert.Equal(200, (int)response.StatusCode);
        return await JsonAsync(response);
    }

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? values.First() : null;

    public static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
