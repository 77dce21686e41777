using System.Text.Json;
using OciBackup.Emulator.Tests.Api;
using OciBackup.Emulator.Tests.Auth;
using OciBackup.Emulator.Tests.TestSupport;

namespace OciBackup.Emulator.Tests.Faults;

/// <summary>Each injected fault does what a real outage does, and is counted.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task Rate_limit_answers_429_with_retry_after_until_the_next_second()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.Faults = new FaultSettings { RateLimitPerSecond = 2 });
        string path = "/volumes/" + emulator.VolumeId;

        using HttpResponseMessage first = await emulator.GetAsync(path);
        using HttpResponseMessage second = await emulator.GetAsync(path);
        using HttpResponseMessage third = await emulator.GetAsync(path);
        emulator.Clock.Advance(TimeSpan.FromSeconds(1));
        using HttpResponseMessage later = await emulator.GetAsync(path);

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal("1", third.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await OperationsTests.AssertErrorAsync(third, 429, "TooManyRequests");
        Assert.Equal(200, (int)later.StatusCode);
        Assert.Equal(1, emulator.Host.Statistics.FaultCount(FaultKind.RateLimited));
    }

    [Theory]
    [InlineData(500, "InternalServerError", FaultKind.InternalServerError)]
    [InlineData(503, "ServiceUnavailable", FaultKind.ServiceUnavailable)]
    public async Task Server_error_share_of_one_fails_every_request_and_creates_nothing(int status, string code, FaultKind kind)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.Faults = status == 500
            ? new FaultSettings { InternalServerErrorShare = 1 }
            : new FaultSettings { ServiceUnavailableShare = 1 });

        await OperationsTests.AssertErrorAsync(await emulator.CreateVolumeBackupAsync(), status, code);
        await OperationsTests.AssertErrorAsync(await emulator.GetAsync("/volumes/" + emulator.VolumeId), status, code);

        Assert.Equal(2, emulator.Host.Statistics.FaultCount(kind));
        Assert.Equal(0, emulator.Host.Statistics.TotalVolumeBackups);
    }

    [Fact]
    public async Task Server_error_shares_split_requests_as_configured_and_repeat_with_the_seed()
    {
        async Task<string> StatusesAsync()
        {
            await using TestEmulator emulator = await TestEmulator.StartAsync(o =>
            {
                o.RandomSeed = 11;
                o.Faults = new FaultSettings { InternalServerErrorShare = 0.25, ServiceUnavailableShare = 0.25 };
            });
            var statuses = new List<char>();
            for (int i = 0; i < 80; i++)
            {
                using HttpResponseMessage response = await emulator.GetAsync("/volumes/" + emulator.VolumeId);
                statuses.Add(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)[0]);
            }

            Assert.Equal(statuses.Count(s => s == '5'), emulator.Host.Statistics.FaultCount(FaultKind.InternalServerError)
                + emulator.Host.Statistics.FaultCount(FaultKind.ServiceUnavailable));
            return new string(statuses.ToArray());
        }

        string first = await StatusesAsync();

        Assert.Equal(first, await StatusesAsync());
        Assert.InRange(first.Count(c => c == '5'), 24, 56);
    }

    [Fact]
    public async Task Incorrect_state_share_refuses_creates_with_409_but_not_reads()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.Faults = new FaultSettings { IncorrectStateShare = 1 });

        await OperationsTests.AssertErrorAsync(await emulator.CreateVolumeBackupAsync(), 409, "IncorrectState");
        await OperationsTests.AssertErrorAsync(await emulator.CreateVolumeGroupBackupAsync(), 409, "IncorrectState");
        using HttpResponseMessage read = await emulator.GetAsync("/volumes/" + emulator.VolumeId);

        Assert.Equal(200, (int)read.StatusCode);
        Assert.Equal(2, emulator.Host.Statistics.FaultCount(FaultKind.IncorrectState));
        Assert.Equal(0, emulator.Host.Statistics.TotalVolumeBackups);
    }

    [Fact]
    public async Task Dropped_response_creates_the_backup_and_a_retry_with_the_same_token_returns_it()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.Faults = new FaultSettings { DropResponseShare = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.CreateVolumeBackupAsync(retryToken: "dropped-1"));
        Assert.Equal(1, emulator.Host.Statistics.VolumeBackupsCreated(emulator.VolumeId));
        Assert.Equal(1, emulator.Host.Statistics.FaultCount(FaultKind.DroppedResponse));

        // A replay is not a new create, so it is answered even while the fault is on.
        using HttpResponseMessage retry = await emulator.CreateVolumeBackupAsync(retryToken: "dropped-1");
        JsonElement backup = await TestEmulator.JsonAsync(retry);

        Assert.Equal(200, (int)retry.StatusCode);
        Assert.Equal(emulator.VolumeId, backup.GetProperty("volumeId").GetString());
        Assert.Equal(1, emulator.Host.Statistics.VolumeBackupsCreated(emulator.VolumeId));
    }

    [Fact]
    public async Task Slow_response_performs_the_create_and_outlasts_the_clients_timeout()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.Faults = new FaultSettings { SlowResponseShare = 1, SlowResponseSeconds = 60 });
        using var clientTimeout = new CancellationTokenSource();
        HttpRequestMessage request = emulator.Signer.Sign(HttpMethod.Post, emulator.Api("/volumeBackups"),
            $"{{\"volumeId\":\"{emulator.VolumeId}\"}}", emulator.Clock.GetUtcNow(), retryToken: "slow-1");

        Task<HttpResponseMessage> pending = emulator.Http.SendAsync(request, clientTimeout.Token);
        await emulator.Clock.WaitForTimerAsync(); // the emulator holds the response on its clock
        Assert.False(pending.IsCompleted);
        clientTimeout.Cancel(); // the client's timeout fires before the 60 s are up

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.Equal(1, emulator.Host.Statistics.VolumeBackupsCreated(emulator.VolumeId));
        Assert.Equal(1, emulator.Host.Statistics.FaultCount(FaultKind.SlowResponse));
    }

    [Fact]
    public async Task Slow_response_arrives_once_the_delay_has_passed()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.Faults = new FaultSettings { SlowResponseShare = 1, SlowResponseSeconds = 60 });

        Task<HttpResponseMessage> pending = emulator.GetAsync("/volumes/" + emulator.VolumeId);
        await emulator.Clock.WaitForTimerAsync();
        emulator.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(pending.IsCompleted);
        emulator.Clock.Advance(TimeSpan.FromSeconds(1));
        using HttpResponseMessage response = await pending;

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Latency_holds_each_request_for_the_configured_time()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.Faults = new FaultSettings { LatencyMilliseconds = 250 });

        Task<HttpResponseMessage> pending = emulator.GetAsync("/volumes/" + emulator.VolumeId);
        await emulator.Clock.WaitForTimerAsync();
        Assert.False(pending.IsCompleted);
        emulator.Clock.Advance(TimeSpan.FromMilliseconds(250));
        using HttpResponseMessage response = await pending;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(1, emulator.Host.Statistics.FaultCount(FaultKind.Latency));
    }

    [Fact]
    public async Task Clock_skew_beyond_five_minutes_refuses_correctly_signed_requests()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.Faults = new FaultSettings { ClockSkewSeconds = 301 });

        await SignatureRejectionTests.AssertRefusedAsync(emulator,
            emulator.Signer.Sign(HttpMethod.Get, emulator.Api("/volumes/" + emulator.VolumeId), null, emulator.Clock.GetUtcNow()), "DateOutOfRange");

        Assert.Equal(1, emulator.Host.Statistics.FaultCount(FaultKind.ClockSkewRejection));
    }

    [Fact]
    public async Task Clock_skew_within_five_minutes_shifts_the_emulators_timestamps()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.Faults = new FaultSettings { ClockSkewSeconds = -120 });

        JsonElement backup = await TestEmulator.JsonAsync(await emulator.CreateVolumeBackupAsync());

        Assert.Equal("2026-11-23T09:03:07.000Z", backup.GetProperty("timeRequestReceived").GetString());
        Assert.Equal(0, emulator.Host.Statistics.FaultCount(FaultKind.ClockSkewRejection));
    }

    [Fact]
    public async Task Faults_changed_on_the_host_apply_to_the_next_request()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        using HttpResponseMessage before = await emulator.GetAsync("/volumes/" + emulator.VolumeId);

        emulator.Host.Faults = emulator.Host.Faults with { ServiceUnavailableShare = 1 };
        using HttpResponseMessage during = await emulator.GetAsync("/volumes/" + emulator.VolumeId);
        emulator.Host.Faults = new FaultSettings();
        using HttpResponseMessage after = await emulator.GetAsync("/volumes/" + emulator.VolumeId);

        Assert.Equal(new[] { 200, 503, 200 }, new[] { (int)before.StatusCode, (int)during.StatusCode, (int)after.StatusCode });
    }

    [Theory]
    [InlineData(1.5, 0)]
    [InlineData(-0.1, 0)]
    [InlineData(0.6, 0.6)]
    public void Fault_shares_out_of_range_are_rejected(double internalError, double unavailable)
    {
        var settings = new FaultSettings { InternalServerErrorShare = internalError, ServiceUnavailableShare = unavailable };

        Assert.Throws<ArgumentException>(() => settings.Validated());
    }
}
