using System.Text.Json;
using OciBackup.Emulator.Tests.Api;
using OciBackup.Emulator.Tests.Auth;
using OciBackup.Emulator.Tests.TestSupport;
using static OciBackup.Emulator.Tests.Regions.MultiRegionTests;

namespace OciBackup.Emulator.Tests.Faults;

/// <summary>
/// The injected faults reach the new operations as they reach creates: 409 and lost responses strike every write
/// (delete, copy, restore), server errors, throttling and clock skew every call, Identity's included.
/// </summary>
public sealed class FaultsOnEveryOperationTests
{
    private const string Ad1 = "Uocm:US-ASHBURN-AD-1";

    /// <summary>A two-region emulator with an AVAILABLE volume backup and group backup, and the write to try on them.</summary>
    private sealed record Scene(TestEmulator Emulator, string Backup, string GroupBackup)
    {
        public Task<HttpResponseMessage> SendAsync(string write, string? retryToken = null) => write switch
        {
            "DeleteVolumeBackup" => Emulator.DeleteAsync("/volumeBackups/" + Backup),
            "DeleteVolumeGroupBackup" => Emulator.DeleteAsync("/volumeGroupBackups/" + GroupBackup),
            "CopyVolumeBackup" => CopyTests.CopyAsync(Emulator, Backup, "{\"destinationRegion\":\"us-phoenix-1\"}", retryToken),
            "CopyVolumeGroupBackup" => CopyTests.CopyAsync(Emulator, GroupBackup, "{\"destinationRegion\":\"us-phoenix-1\"}", retryToken, "volumeGroupBackups"),
            "CreateVolume" => Emulator.PostAsync("/volumes", $"{{\"compartmentId\":\"{Emulator.CompartmentId}\",\"availabilityDomain\":\"{Ad1}\","
                + $"\"sourceDetails\":{{\"type\":\"volumeBackup\",\"id\":\"{Backup}\"}}}}", retryToken),
            "CreateVolumeGroup" => Emulator.PostAsync("/volumeGroups", $"{{\"compartmentId\":\"{Emulator.CompartmentId}\",\"availabilityDomain\":\"{Ad1}\","
                + $"\"sourceDetails\":{{\"type\":\"volumeGroupBackupId\",\"volumeGroupBackupId\":\"{GroupBackup}\"}}}}", retryToken),
            _ => throw new ArgumentException(write),
        };

        /// <summary>How many times the write took effect, as the counters tell.</summary>
        public long Effects(string write) => write switch
        {
            "DeleteVolumeBackup" => Emulator.Host.Statistics.DeletesOf(Backup),
            "DeleteVolumeGroupBackup" => Emulator.Host.Statistics.DeletesOf(GroupBackup),
            "CopyVolumeBackup" => Emulator.Host.Statistics.CopiesMade(Backup),
            "CopyVolumeGroupBackup" => Emulator.Host.Statistics.CopiesMade(GroupBackup),
            "CreateVolume" => Emulator.Host.Statistics.RestoresFrom(Backup),
            "CreateVolumeGroup" => Emulator.Host.Statistics.RestoresFrom(GroupBackup),
            _ => throw new ArgumentException(write),
        };
    }

    private static async Task<Scene> SceneAsync(FaultSettings faults)
    {
        TestEmulator emulator = await StartTwoRegionsAsync(o => o.BackupDuration = TimeSpan.Zero);
        string backup = await TestEmulator.IdAsync(emulator.CreateVolumeBackupAsync());
        string groupBackup = await TestEmulator.IdAsync(emulator.CreateVolumeGroupBackupAsync());
        emulator.Host.Faults = faults;
        return new Scene(emulator, backup, groupBackup);
    }

    public static TheoryData<string> Writes => new()
    {
        "DeleteVolumeBackup", "DeleteVolumeGroupBackup", "CopyVolumeBackup", "CopyVolumeGroupBackup", "CreateVolume", "CreateVolumeGroup",
    };

    public static TheoryData<string> RetryableWrites => new() { "CopyVolumeBackup", "CopyVolumeGroupBackup", "CreateVolume", "CreateVolumeGroup" };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Incorrect_state_share_refuses_the_write_with_409_and_nothing_happens(string write)
    {
        Scene scene = await SceneAsync(new FaultSettings { IncorrectStateShare = 1 });
        await using TestEmulator emulator = scene.Emulator;

        await OperationsTests.AssertErrorAsync(await scene.SendAsync(write), 409, "IncorrectState");

        Assert.Equal(0, scene.Effects(write));
        Assert.Equal(1, emulator.Host.Statistics.FaultCount(FaultKind.IncorrectState));
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Dropped_response_performs_the_write_and_cuts_the_connection(string write)
    {
        Scene scene = await SceneAsync(new FaultSettings { DropResponseShare = 1 });
        await using TestEmulator emulator = scene.Emulator;

        await Assert.ThrowsAsync<HttpRequestException>(() => scene.SendAsync(write, "dropped"));

        Assert.Equal(1, scene.Effects(write));
        Assert.Equal(1, emulator.Host.Statistics.FaultCount(FaultKind.DroppedResponse));
    }

    [Theory]
    [MemberData(nameof(RetryableWrites))]
    public async Task A_retry_of_a_dropped_write_with_the_same_token_gets_the_first_result(string write)
    {
        Scene scene = await SceneAsync(new FaultSettings { DropResponseShare = 1 });
        await using TestEmulator emulator = scene.Emulator;
        await Assert.ThrowsAsync<HttpRequestException>(() => scene.SendAsync(write, "retry-me"));

        using HttpResponseMessage retry = await scene.SendAsync(write, "retry-me");

        Assert.Equal(200, (int)retry.StatusCode);
        Assert.Equal(1, scene.Effects(write));
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Service_unavailable_share_fails_the_write_and_nothing_happens(string write)
    {
        Scene scene = await SceneAsync(new FaultSettings { ServiceUnavailableShare = 1 });
        await using TestEmulator emulator = scene.Emulator;

        await OperationsTests.AssertErrorAsync(await scene.SendAsync(write), 503, "ServiceUnavailable");

        Assert.Equal(0, scene.Effects(write));
    }

    [Theory]
    [InlineData("/compartments?compartmentId=ocid1.tenancy.oc1..t")]
    [InlineData("/availabilityDomains?compartmentId=ocid1.tenancy.oc1..t")]
    [InlineData("/volumes")]
    public async Task Server_errors_and_throttling_reach_the_identity_and_volume_reads(string path)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.Faults = new FaultSettings { InternalServerErrorShare = 1 });

        await OperationsTests.AssertErrorAsync(await emulator.GetAsync(path), 500, "InternalServerError");
        emulator.Host.Faults = new FaultSettings { RateLimitPerSecond = 1 };
        using HttpResponseMessage first = await emulator.GetAsync(path);
        await OperationsTests.AssertErrorAsync(await emulator.GetAsync(path), 429, "TooManyRequests");

        Assert.Equal(200, (int)first.StatusCode);
    }

    [Fact]
    public async Task Clock_skew_refuses_identity_calls_too()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.Faults = new FaultSettings { ClockSkewSeconds = -301 });

        await SignatureRejectionTests.AssertRefusedAsync(emulator,
            emulator.Signer.Sign(HttpMethod.Get, emulator.Api("/availabilityDomains?compartmentId=ocid1.tenancy.oc1..t"), null, emulator.Clock.GetUtcNow()), "DateOutOfRange");
    }

    [Fact]
    public async Task Slow_response_holds_a_performed_copy()
    {
        Scene scene = await SceneAsync(new FaultSettings { SlowResponseShare = 1, SlowResponseSeconds = 60 });
        await using TestEmulator emulator = scene.Emulator;

        Task<HttpResponseMessage> pending = scene.SendAsync("CopyVolumeBackup", "slow-copy");
        await emulator.Clock.WaitForTimerAsync();

        Assert.False(pending.IsCompleted);
        Assert.Equal(1, scene.Effects("CopyVolumeBackup"));
        emulator.Clock.Advance(TimeSpan.FromSeconds(60));
        using HttpResponseMessage response = await pending;
        Assert.Equal(200, (int)response.StatusCode);
    }
}
