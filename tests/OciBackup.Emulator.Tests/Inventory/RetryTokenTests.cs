using System.Text.Json;
using OciBackup.Emulator.Tests.Api;
using OciBackup.Emulator.Tests.TestSupport;

namespace OciBackup.Emulator.Tests.Inventory;

/// <summary>opc-retry-token: a repeat returns the first result, never a second backup; a reuse for another request is 409.</summary>
public sealed class RetryTokenTests
{
    [Fact]
    public async Task Same_token_and_body_returns_the_first_backup_and_creates_no_duplicate()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        JsonElement first = await TestEmulator.JsonAsync(await emulator.CreateVolumeBackupAsync(retryToken: "token-1"));
        emulator.Clock.Advance(TimeSpan.FromSeconds(5));
        using HttpResponseMessage again = await emulator.CreateVolumeBackupAsync(retryToken: "token-1");
        JsonElement second = await TestEmulator.JsonAsync(again);

        Assert.Equal(200, (int)again.StatusCode);
        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Equal("CREATING", second.GetProperty("lifecycleState").GetString()); // the first backup as it is now
        Assert.Equal(1, emulator.Host.Statistics.VolumeBackupsCreated(emulator.VolumeId));
        Assert.Equal(1, emulator.Host.Statistics.TotalVolumeBackups);
    }

    [Fact]
    public async Task Same_request_with_reordered_keys_counts_as_the_same()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        string a = $"{{\"volumeId\":\"{emulator.VolumeId}\",\"displayName\":\"n\",\"freeformTags\":{{\"x\":\"1\",\"y\":\"2\"}}}}";
        string b = $"{{ \"freeformTags\": {{\"y\":\"2\",\"x\":\"1\"}}, \"displayName\": \"n\", \"volumeId\": \"{emulator.VolumeId}\" }}";

        JsonElement first = await TestEmulator.JsonAsync(await emulator.PostAsync("/volumeBackups", a, "token-2"));
        JsonElement second = await TestEmulator.JsonAsync(await emulator.PostAsync("/volumeBackups", b, "token-2"));

        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Equal(1, emulator.Host.Statistics.TotalVolumeBackups);
    }

    [Fact]
    public async Task Same_token_with_a_different_body_is_409_conflict()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        await emulator.CreateVolumeBackupAsync(retryToken: "token-3");

        await OperationsTests.AssertErrorAsync(await emulator.CreateVolumeBackupAsync(retryToken: "token-3", extra: "\"type\":\"FULL\""), 409, "Conflict");
        Assert.Equal(1, emulator.Host.Statistics.TotalVolumeBackups);
    }

    [Fact]
    public async Task Same_token_on_another_operation_is_409_conflict()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        await emulator.CreateVolumeBackupAsync(retryToken: "token-4");

        await OperationsTests.AssertErrorAsync(await emulator.CreateVolumeGroupBackupAsync(retryToken: "token-4"), 409, "Conflict");
        Assert.Equal(0, emulator.Host.Statistics.TotalVolumeGroupBackups);
    }

    [Fact]
    public async Task Group_backup_retry_returns_the_first_group_backup_and_its_members()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        JsonElement first = await TestEmulator.JsonAsync(await emulator.CreateVolumeGroupBackupAsync(retryToken: "group-token"));
        JsonElement second = await TestEmulator.JsonAsync(await emulator.CreateVolumeGroupBackupAsync(retryToken: "group-token"));

        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("volumeBackupIds").GetRawText(), second.GetProperty("volumeBackupIds").GetRawText());
        Assert.Equal(1, emulator.Host.Statistics.VolumeGroupBackupsCreated(emulator.VolumeGroupId));
        Assert.Equal(2, emulator.Host.Statistics.TotalVolumeBackups);
    }

    [Fact]
    public async Task Token_is_forgotten_after_24_hours()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        JsonElement first = await TestEmulator.JsonAsync(await emulator.CreateVolumeBackupAsync(retryToken: "token-5"));

        emulator.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        JsonElement withinDay = await TestEmulator.JsonAsync(await emulator.CreateVolumeBackupAsync(retryToken: "token-5"));
        emulator.Clock.Advance(TimeSpan.FromSeconds(1));
        JsonElement nextDay = await TestEmulator.JsonAsync(await emulator.CreateVolumeBackupAsync(retryToken: "token-5"));

        Assert.Equal(first.GetProperty("id").GetString(), withinDay.GetProperty("id").GetString());
        Assert.NotEqual(first.GetProperty("id").GetString(), nextDay.GetProperty("id").GetString());
        Assert.Equal(2, emulator.Host.Statistics.VolumeBackupsCreated(emulator.VolumeId));
    }

    [Fact]
    public async Task Concurrent_creates_with_one_token_make_one_backup()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => emulator.CreateVolumeBackupAsync(retryToken: "race")));
        string[] ids = await Task.WhenAll(responses.Select(async r => (await TestEmulator.JsonAsync(r)).GetProperty("id").GetString()!));

        Assert.All(responses, r => Assert.Equal(200, (int)r.StatusCode));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, emulator.Host.Statistics.VolumeBackupsCreated(emulator.VolumeId));
    }

    [Fact]
    public async Task Without_a_token_every_create_is_a_new_backup()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        await emulator.CreateVolumeBackupAsync();
        await emulator.CreateVolumeBackupAsync();

        Assert.Equal(2, emulator.Host.Statistics.VolumeBackupsCreated(emulator.VolumeId));
    }
}
