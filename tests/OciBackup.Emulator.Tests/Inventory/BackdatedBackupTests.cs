using System.Text;
using System.Text.Json;
using OciBackup.Emulator.Inventory;
using OciBackup.Emulator.Tests.Api;
using OciBackup.Emulator.Tests.TestSupport;
using static OciBackup.Emulator.Tests.Regions.MultiRegionTests;

namespace OciBackup.Emulator.Tests.Inventory;

/// <summary>Backups dated in the past, in any state, from the seed or the admin endpoint, for retention tests.</summary>
public sealed class BackdatedBackupTests
{
    private static Task<TestEmulator> StartSeededAsync() => TestEmulator.StartAsync(o => o.Seed = new EmulatorSeed
    {
        Compartments =
        {
            new SeedCompartment
            {
                Name = "prod",
                Volumes =
                {
                    new SeedVolume
                    {
                        DisplayName = "db",
                        SizeInGBs = 200,
                        Backups =
                        {
                            new SeedVolumeBackup { DisplayName = "day-3", AgeDays = 3, Type = "FULL" },
                            new SeedVolumeBackup { DisplayName = "day-2", AgeDays = 2, LifecycleState = "FAULTY" },
                            new SeedVolumeBackup { DisplayName = "day-1", AgeDays = 1, SourceType = "SCHEDULED", ExpirationTime = TestEmulator.Start.AddDays(6) },
                            new SeedVolumeBackup { DisplayName = "stuck", AgeDays = 0.5, LifecycleState = "CREATING" },
                            new SeedVolumeBackup { DisplayName = "gone", TimeCreated = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), LifecycleState = "TERMINATED" },
                        },
                    },
                },
                VolumeGroups =
                {
                    new SeedVolumeGroup
                    {
                        DisplayName = "erp",
                        Volumes = { new SeedVolume { DisplayName = "erp-1" }, new SeedVolume { DisplayName = "erp-2" } },
                        Backups = { new SeedVolumeGroupBackup { DisplayName = "week-1", AgeDays = 7 }, new SeedVolumeGroupBackup { DisplayName = "uploading", AgeDays = 0.1, LifecycleState = "COMMITTED" } },
                    },
                },
            },
        },
    });

    [Fact]
    public async Task Seeded_backups_keep_their_past_times_and_states()
    {
        await using TestEmulator emulator = await StartSeededAsync();
        string compartment = emulator.Host.Compartments[0].Id;
        emulator.Clock.Advance(TimeSpan.FromDays(30));

        JsonElement list = await emulator.GetJsonAsync($"/volumeBackups?compartmentId={compartment}&volumeId={emulator.Host.Compartments[0].VolumeIds.Last()}&sortOrder=ASC");
        var byName = list.EnumerateArray().ToDictionary(b => b.GetProperty("displayName").GetString()!);

        Assert.Equal(new[] { "gone", "day-3", "day-2", "day-1", "stuck" }, byName.Keys);
        Assert.Equal("2026-11-20T09:05:07.000Z", byName["day-3"].GetProperty("timeCreated").GetString());
        Assert.Equal("AVAILABLE", byName["day-3"].GetProperty("lifecycleState").GetString());
        Assert.Equal(200, byName["day-3"].GetProperty("uniqueSizeInGBs").GetInt64());
        Assert.Equal("FAULTY", byName["day-2"].GetProperty("lifecycleState").GetString());
        Assert.Equal("SCHEDULED", byName["day-1"].GetProperty("sourceType").GetString());
        Assert.Equal("2026-11-29T09:05:07.000Z", byName["day-1"].GetProperty("expirationTime").GetString());
        Assert.Equal("CREATING", byName["stuck"].GetProperty("lifecycleState").GetString());
        Assert.Equal("TERMINATED", byName["gone"].GetProperty("lifecycleState").GetString());
        Assert.Equal("2026-01-01T00:00:00.000Z", byName["gone"].GetProperty("timeCreated").GetString());
        Assert.Equal(0, emulator.Host.Statistics.VolumeBackupsCreated(emulator.Host.Compartments[0].VolumeIds.Last()));
    }

    [Fact]
    public async Task Seeded_group_backups_have_member_backups_in_the_matching_state()
    {
        await using TestEmulator emulator = await StartSeededAsync();
        string compartment = emulator.Host.Compartments[0].Id;

        var groups = (await emulator.GetJsonAsync($"/volumeGroupBackups?compartmentId={compartment}")).EnumerateArray()
            .ToDictionary(b => b.GetProperty("displayName").GetString()!);

        Assert.Equal("AVAILABLE", groups["week-1"].GetProperty("lifecycleState").GetString());
        Assert.Equal("COMMITTED", groups["uploading"].GetProperty("lifecycleState").GetString());
        foreach ((string name, string memberState) in new[] { ("week-1", "AVAILABLE"), ("uploading", "CREATING") })
        {
            JsonElement members = groups[name].GetProperty("volumeBackupIds");
            Assert.Equal(2, members.GetArrayLength());
            foreach (JsonElement member in members.EnumerateArray())
            {
                JsonElement backup = await emulator.GetJsonAsync("/volumeBackups/" + member.GetString());
                Assert.Equal(memberState, backup.GetProperty("lifecycleState").GetString());
                Assert.Equal(groups[name].GetProperty("timeCreated").GetString(), backup.GetProperty("timeCreated").GetString());
            }
        }
    }

    [Fact]
    public async Task A_backdated_available_backup_is_deleted_and_a_stuck_one_is_409()
    {
        await using TestEmulator emulator = await StartSeededAsync();
        var byName = (await emulator.GetJsonAsync($"/volumeBackups?compartmentId={emulator.Host.Compartments[0].Id}")).EnumerateArray()
            .ToDictionary(b => b.GetProperty("displayName").GetString()!, b => b.GetProperty("id").GetString()!);

        using HttpResponseMessage old = await emulator.DeleteAsync("/volumeBackups/" + byName["day-3"]);

        Assert.Equal(204, (int)old.StatusCode);
        await OperationsTests.AssertErrorAsync(await emulator.DeleteAsync("/volumeBackups/" + byName["stuck"]), 409, "IncorrectState");
    }

    [Fact]
    public async Task Admin_endpoint_adds_a_backdated_backup_in_the_volumes_region()
    {
        await using TestEmulator emulator = await StartTwoRegionsAsync();
        string westVolume = emulator.Host.CompartmentsIn(Phoenix)[0].VolumeIds[^1];

        using HttpResponseMessage response = await AdminPostAsync(emulator, "volumeBackups",
            $"{{\"volumeId\":\"{westVolume}\",\"displayName\":\"old\",\"ageDays\":10,\"type\":\"FULL\",\"freeformTags\":{{\"backup\":\"nightly\"}}}}");
        JsonElement backup = await TestEmulator.JsonAsync(response);
        string id = backup.GetProperty("id").GetString()!;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("ocid1.volumebackup.oc1.us-phoenix-1.", id, StringComparison.Ordinal);
        Assert.Equal("2026-11-13T09:05:07.000Z", backup.GetProperty("timeCreated").GetString());
        Assert.Equal("nightly", backup.GetProperty("freeformTags").GetProperty("backup").GetString());
        Assert.Equal(backup.GetRawText(), (await emulator.GetJsonAsync("/volumeBackups/" + id, Phoenix)).GetRawText());
        await OperationsTests.AssertErrorAsync(await emulator.GetAsync("/volumeBackups/" + id), 404, "NotAuthorizedOrNotFound");
    }

    [Fact]
    public async Task A_backdated_backup_given_another_region_is_a_copy_there_of_the_same_volume()
    {
        await using TestEmulator emulator = await StartTwoRegionsAsync();
        string compartment = emulator.Host.CompartmentsIn(Ashburn)[0].Id;
        string eastVolume = emulator.Host.CompartmentsIn(Ashburn)[0].VolumeIds[^1];

        using HttpResponseMessage response = await AdminPostAsync(emulator, "volumeBackups",
            $"{{\"volumeId\":\"{eastVolume}\",\"region\":\"{Phoenix}\",\"displayName\":\"dr night 5\",\"ageDays\":5}}");
        JsonElement backup = await TestEmulator.JsonAsync(response);
        string id = backup.GetProperty("id").GetString()!;
        JsonElement west = await emulator.GetJsonAsync($"/volumeBackups?compartmentId={compartment}&volumeId={eastVolume}", Phoenix);
        JsonElement east = await emulator.GetJsonAsync($"/volumeBackups?compartmentId={compartment}&volumeId={eastVolume}");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("ocid1.volumebackup.oc1.us-phoenix-1.", id, StringComparison.Ordinal);
        Assert.Equal(eastVolume, backup.GetProperty("volumeId").GetString());
        Assert.Equal("2026-11-18T09:05:07.000Z", backup.GetProperty("timeCreated").GetString());
        Assert.Equal(id, Assert.Single(west.EnumerateArray()).GetProperty("id").GetString());
        Assert.Empty(east.EnumerateArray());
    }

    [Fact]
    public async Task A_backdated_backup_in_a_region_not_served_is_refused()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage response = await AdminPostAsync(emulator, "volumeBackups",
            $"{{\"volumeId\":\"{emulator.VolumeId}\",\"region\":\"eu-frankfurt-1\"}}");

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("eu-frankfurt-1", (await TestEmulator.JsonAsync(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, emulator.Host.Statistics.TotalVolumeBackups);
    }

    [Fact]
    public async Task Admin_endpoint_adds_a_backdated_group_backup_in_any_state()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage response = await AdminPostAsync(emulator, "volumeGroupBackups",
            $"{{\"volumeGroupId\":\"{emulator.VolumeGroupId}\",\"timeCreated\":\"2026-10-01T00:00:00Z\",\"lifecycleState\":\"TERMINATING\"}}");
        JsonElement backup = await TestEmulator.JsonAsync(response);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("TERMINATING", backup.GetProperty("lifecycleState").GetString());
        Assert.Equal("2026-10-01T00:00:00.000Z", backup.GetProperty("timeCreated").GetString());
        Assert.Equal(2, backup.GetProperty("volumeBackupIds").GetArrayLength());
        Assert.Equal(0, emulator.Host.Statistics.VolumeGroupBackupsCreated(emulator.VolumeGroupId));
    }

    [Theory]
    [InlineData("{\"volumeId\":\"V\",\"lifecycleState\":\"COMMITTED\"}", 400, "lifecycleState")]
    [InlineData("{\"volumeId\":\"V\",\"type\":\"DIFFERENTIAL\"}", 400, "type")]
    [InlineData("{\"volumeId\":\"V\",\"sourceType\":\"POLICY\"}", 400, "sourceType")]
    [InlineData("{\"volumeId\":\"V\",\"ageDays\":1,\"timeCreated\":\"2026-01-01T00:00:00Z\"}", 400, "Give timeCreated or ageDays")]
    [InlineData("{\"volumeId\":\"V\",\"ageDays\":-1}", 400, "ageDays")]
    [InlineData("{\"volumeId\":\"V\",\"timeCreated\":\"2030-01-01T00:00:00Z\"}", 400, "timeCreated")]
    [InlineData("{\"ageDays\":1}", 400, "The body needs volumeId")]
    [InlineData("{\"volumeId\":\"ocid1.volume.oc1..nosuch\"}", 404, "No such volume")]
    [InlineData("{\"volumeId\":", 400, "The body is not")]
    public async Task Admin_endpoint_refuses_a_wrong_backdated_backup(string body, int status, string messageStart)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage response = await AdminPostAsync(emulator, "volumeBackups", body.Replace("\"V\"", "\"" + emulator.VolumeId + "\""));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.StartsWith(messageStart, (await TestEmulator.JsonAsync(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, emulator.Host.Statistics.TotalVolumeBackups);
    }

    [Fact]
    public async Task A_wrong_seeded_backup_stops_the_start_naming_its_volume()
    {
        InvalidDataException error = await Assert.ThrowsAsync<InvalidDataException>(() => TestEmulator.StartAsync(o => o.Seed = new EmulatorSeed
        {
            Compartments = { new SeedCompartment { Name = "c", Volumes = { new SeedVolume { DisplayName = "ledger", Backups = { new SeedVolumeBackup { LifecycleState = "DONE" } } } } } },
        }));

        Assert.Contains("ledger", error.Message, StringComparison.Ordinal);
        Assert.Contains("DONE", error.Message, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> AdminPostAsync(TestEmulator emulator, string path, string body) =>
        emulator.Http.PostAsync(new Uri(emulator.Host.BaseAddress, "admin/" + path), new StringContent(body, Encoding.UTF8, "application/json"));
}
