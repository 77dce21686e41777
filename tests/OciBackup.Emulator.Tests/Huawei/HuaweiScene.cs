using System.Text.Json;
using OciBackup.Emulator.Huawei;
using OciBackup.Emulator.Tests.TestSupport;

namespace OciBackup.Emulator.Tests.Huawei;

/// <summary>An in-process emulator with its Huawei side on (fake clock, job start 1 s, backups 10 s), and a client signing for it.</summary>
internal sealed class HuaweiScene : IAsyncDisposable
{
    private HuaweiScene(TestEmulator emulator)
    {
        Emulator = emulator;
        Client = new HuaweiTestClient(emulator.Http, Side.Credential, Side.ProjectId, () => emulator.Clock.GetUtcNow());
    }

    public TestEmulator Emulator { get; }

    public HuaweiSide Side => Emulator.Host.Huawei!;

    public HuaweiTestClient Client { get; }

    public string VolumeId => Side.VolumeIds[0];

    /// <summary>The first instance is MySQL, the second PostgreSQL.</summary>
    public string InstanceId => Side.InstanceIds[0];

    public static async Task<HuaweiScene> StartAsync(Action<EmulatorOptions>? configure = null) =>
        new(await TestEmulator.StartAsync(options =>
        {
            options.Huawei.Enabled = true;
            options.Huawei.Volumes = 3;
            options.Huawei.Instances = 3;
            configure?.Invoke(options);
        }));

    public Task<HttpResponseMessage> VbsAsync(HttpMethod method, string pathAndQuery, string? body = null) =>
        Client.SendAsync(method, Side.VbsEndpoint, $"/{(pathAndQuery.StartsWith("/v1", StringComparison.Ordinal) ? "v1" : "v2")}/{Side.ProjectId}{pathAndQuery[3..]}", body);

    public Task<HttpResponseMessage> RdsAsync(HttpMethod method, string pathAndQuery, string? body = null) =>
        Client.SendAsync(method, Side.RdsEndpoint, $"/v3/{Side.ProjectId}{pathAndQuery}", body);

    public static async Task<(int Status, JsonElement Body)> ReadAsync(Task<HttpResponseMessage> sending)
    {
        using HttpResponseMessage response = await sending;
        return ((int)response.StatusCode, await TestEmulator.JsonAsync(response));
    }

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
