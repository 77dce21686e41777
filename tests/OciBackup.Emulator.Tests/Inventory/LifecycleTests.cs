using System.Text.Json;
using OciBackup.Emulator.Tests.TestSupport;

namespace OciBackup.Emulator.Tests.Inventory;

/// <summary>Backups move through their states on the injected clock; nothing sleeps.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task Volume_backup_goes_request_received_creating_available_with_sizes_at_the_end()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.BackupDuration = TimeSpan.FromSeconds(10));
        string id = (await TestEmulator.JsonAsync(await emulator.CreateVolumeBackupAsync(extra: "\"type\":\"FULL\""))).GetProperty("id").GetString()!;

        var seen = new List<string>();
        JsonElement last = default;
        foreach (int second in new[] { 0, 1, 2, 9, 10, 3600 })
        {
            emulator.Clock.SetUtcNow(TestEmulator.Start.AddSeconds(second));
            last = await emulator.GetJsonAsync("/volumeBackups/" + id);
            seen.Add(last.GetProperty("lifecycleState").GetString()!);
            if (second < 10)
            {
                Assert.Equal(JsonValueKind.Null, last.GetProperty("sizeInGBs").ValueKind);
            }
        }

        Assert.Equal(new[] { "REQUEST_RECEIVED", "REQUEST_RECEIVED", "CREATING", "CREATING", "AVAILABLE", "AVAILABLE" }, seen);
        Assert.Equal(100, last.GetProperty("sizeInGBs").GetInt64());
        Assert.Equal(102400, last.GetProperty("sizeInMBs").GetInt64());
        Assert.Equal(100, last.GetProperty("uniqueSizeInGBs").GetInt64());
        Assert.Equal(102400, last.GetProperty("uniqueSizeInMbs").GetInt64());
    }

    [Fact]
    public async Task Later_incremental_backup_is_smaller_than_the_first()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.BackupDuration = TimeSpan.Zero);
        string first = (await TestEmulator.JsonAsync(await emulator.CreateVolumeBackupAsync())).GetProperty("id").GetString()!;
        string second = (await TestEmulator.JsonAsync(await emulator.CreateVolumeBackupAsync())).GetProperty("id").GetString()!;

        Assert.Equal(100, (await emulator.GetJsonAsync("/volumeBackups/" + first)).GetProperty("uniqueSizeInGBs").GetInt64());
        Assert.Equal(10, (await emulator.GetJsonAsync("/volumeBackups/" + second)).GetProperty("uniqueSizeInGBs").GetInt64());
    }

    [Fact]
    public async Task Volume_group_backup_goes_through_committed_before_available()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.BackupDuration = TimeSpan.FromSeconds(10));
        string id = (await TestEmulator.JsonAsync(await emulator.CreateVolumeGroupBackupAsync())).GetProperty("id").GetString()!;

        var seen = new List<string>();
        foreach (int second in new[] { 0, 2, 7, 8, 9, 10 })
        {
            emulator.Clock.SetUtcNow(TestEmulator.Start.AddSeconds(second));
            seen.Add((await emulator.GetJsonAsync("/volumeGroupBackups/" + id)).GetProperty("lifecycleState").GetString()!);
        }

        Assert.Equal(new[] { "REQUEST_RECEIVED", "CREATING", "CREATING", "COMMITTED", "COMMITTED", "AVAILABLE" }, seen);
        JsonElement done = await emulator.GetJsonAsync("/volumeGroupBackups/" + id);
        Assert.Equal(150, done.GetProperty("sizeInGBs").GetInt64()); // members of 50 and 100 GB
        Assert.Equal(150, done.GetProperty("uniqueSizeInGbs").GetInt64());
        foreach (JsonElement member in done.GetProperty("volumeBackupIds").EnumerateArray())
        {
            Assert.Equal("AVAILABLE", (await emulator.GetJsonAsync("/volumeBackups/" + member.GetString())).GetProperty("lifecycleState").GetString());
        }
    }

    [Fact]
    public async Task Faulty_share_of_one_makes_every_backup_end_faulty_without_sizes()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.Faults = new FaultSettings { FaultyBackupShare = 1 });
        string id = (await TestEmulator.JsonAsync(await emulator.CreateVolumeBackupAsync())).GetProperty("id").GetString()!;
        string groupId = (await TestEmulator.JsonAsync(await emulator.CreateVolumeGroupBackupAsync())).GetProperty("id").GetString()!;
        emulator.Clock.Advance(TimeSpan.FromMinutes(5));

        JsonElement backup = await emulator.GetJsonAsync("/volumeBackups/" + id);
        JsonElement group = await emulator.GetJsonAsync("/volumeGroupBackups/" + groupId);

        Assert.Equal("FAULTY", backup.GetProperty("lifecycleState").GetString());
        Assert.Equal(JsonValueKind.Null, backup.GetProperty("sizeInGBs").ValueKind);
        Assert.Equal("FAULTY", group.GetProperty("lifecycleState").GetString());
        Assert.Equal(3, emulator.Host.Statistics.FaultCount(FaultKind.FaultyBackup)); // one backup + two members
    }

    [Fact]
    public async Task Faulty_share_is_a_share_and_reproducible_with_a_seed()
    {
        async Task<string> OutcomesAsync()
        {
            await using TestEmulator emulator = await TestEmulator.StartAsync(o =>
            {
                o.Faults = new FaultSettings { FaultyBackupShare = 0.5 };
                o.BackupDuration = TimeSpan.Zero;
                o.RandomSeed = 7;
            });
            var states = new List<char>();
            for (int i = 0; i < 40; i++)
            {
                states.Add((await TestEmulator.JsonAsync(await emulator.CreateVolumeBackupAsync())).GetProperty("lifecycleState").GetString()![0]);
            }

            return new string(states.ToArray());
        }

        string first = await OutcomesAsync();
        string second = await OutcomesAsync();

        Assert.Equal(first, second);
        Assert.InRange(first.Count(c => c == 'F'), 8, 32);
        Assert.InRange(first.Count(c => c == 'A'), 8, 32);
    }

    [Fact]
    public async Task Jitter_spreads_completion_times_within_the_configured_window()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o =>
        {
            o.BackupDuration = TimeSpan.FromSeconds(10);
            o.BackupDurationJitter = TimeSpan.FromSeconds(10);
        });
        var ids = new List<string>();
        for (int i = 0; i < 20; i++)
        {
            ids.Add((await TestEmulator.JsonAsync(await emulator.CreateVolumeBackupAsync())).GetProperty("id").GetString()!);
        }

        async Task<int> AvailableAtAsync(int second)
        {
            emulator.Clock.SetUtcNow(TestEmulator.Start.AddSeconds(second));
            JsonElement list = await emulator.GetJsonAsync("/volumeBackups?compartmentId=" + emulator.CompartmentId + "&lifecycleState=AVAILABLE");
            return list.GetArrayLength();
        }

        Assert.Equal(0, await AvailableAtAsync(9));
        int midway = await AvailableAtAsync(15);
        Assert.Equal(20, await AvailableAtAsync(20));
        Assert.InRange(midway, 1, 19);
    }
}
