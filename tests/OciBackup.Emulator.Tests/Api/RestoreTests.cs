using System.Text.Json;
using OciBackup.Emulator.Tests.TestSupport;
using static OciBackup.Emulator.Tests.Regions.MultiRegionTests;

namespace OciBackup.Emulator.Tests.Api;

/// <summary>CreateVolume from a volume backup and CreateVolumeGroup from a volume group backup: PROVISIONING, AVAILABLE, hydrated.</summary>
public sealed class RestoreTests
{
    private const string Ad2 = "Uocm:US-ASHBURN-AD-2";

    private static Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null) => TestEmulator.StartAsync(o =>
    {
        o.BackupDuration = TimeSpan.FromSeconds(10);
        o.RestoreDuration = TimeSpan.FromSeconds(20);
        o.HydrationDuration = TimeSpan.FromSeconds(30);
        configure?.Invoke(o);
    });

    private static async Task<string> AvailableBackupAsync(TestEmulator emulator, string? extra = null)
    {
        string id = await TestEmulator.IdAsync(emulator.CreateVolumeBackupAsync(extra: extra));
        emulator.Clock.Advance(TimeSpan.FromSeconds(10));
        return id;
    }

    private static string RestoreBody(TestEmulator emulator, string backupId, string? extra = null) =>
        $"{{\"compartmentId\":\"{emulator.CompartmentId}\",\"availabilityDomain\":\"{Ad2}\",\"sourceDetails\":{{\"type\":\"volumeBackup\",\"id\":\"{backupId}\"}}"
        + (extra is null ? "" : "," + extra) + "}";

    [Fact]
    public async Task Restore_answers_a_provisioning_volume_that_becomes_available_then_hydrated()
    {
        await using TestEmulator emulator = await StartAsync();
        string backup = await AvailableBackupAsync(emulator);

        using HttpResponseMessage response = await emulator.PostAsync("/volumes", RestoreBody(emulator, backup, "\"displayName\":\"restored\",\"vpusPerGB\":20"));
        JsonElement volume = await TestEmulator.JsonAsync(response);
        string id = volume.GetProperty("id").GetString()!;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.False(string.IsNullOrEmpty(TestEmulator.Header(response, "etag")));
        Assert.StartsWith("ocid1.volume.oc1.us-ashburn-1.", id, StringComparison.Ordinal);
        Assert.Equal("PROVISIONING", volume.GetProperty("lifecycleState").GetString());
        Assert.False(volume.GetProperty("isHydrated").GetBoolean());
        Assert.Equal("volumeBackup", volume.GetProperty("sourceDetails").GetProperty("type").GetString());
        Assert.Equal(backup, volume.GetProperty("sourceDetails").GetProperty("id").GetString());
        Assert.Equal(100, volume.GetProperty("sizeInGBs").GetInt64());
        Assert.Equal(20, volume.GetProperty("vpusPerGB").GetInt64());
        Assert.Equal(Ad2, volume.GetProperty("availabilityDomain").GetString());
        Assert.Equal("restored", volume.GetProperty("displayName").GetString());
        Assert.Equal(JsonValueKind.Null, volume.GetProperty("volumeGroupId").ValueKind);

        emulator.Clock.Advance(TimeSpan.FromSeconds(20));
        JsonElement available = await emulator.GetJsonAsync("/volumes/" + id);
        emulator.Clock.Advance(TimeSpan.FromSeconds(30));
        JsonElement hydrated = await emulator.GetJsonAsync("/volumes/" + id);

        Assert.Equal("AVAILABLE", available.GetProperty("lifecycleState").GetString());
        Assert.False(available.GetProperty("isHydrated").GetBoolean());
        Assert.True(hydrated.GetProperty("isHydrated").GetBoolean());
        Assert.Contains(id, (await emulator.GetJsonAsync("/volumes?compartmentId=" + emulator.CompartmentId)).EnumerateArray().Select(v => v.GetProperty("id").GetString()));
        Assert.Equal(1, emulator.Host.Statistics.RestoresFrom(backup));
    }

    [Fact]
    public async Task The_restored_volume_takes_the_source_volumes_tags_unless_the_request_gives_tags()
    {
        await using TestEmulator emulator = await StartAsync();
        string backup = await AvailableBackupAsync(emulator);

        JsonElement inherited = await TestEmulator.OkJsonAsync(emulator.PostAsync("/volumes", RestoreBody(emulator, backup)));
        JsonElement given = await TestEmulator.OkJsonAsync(emulator.PostAsync("/volumes", RestoreBody(emulator, backup, "\"freeformTags\":{\"restored\":\"yes\"}")));

        Assert.Equal("emulator", inherited.GetProperty("freeformTags").GetProperty("Environment").GetString());
        Assert.Equal("yes", given.GetProperty("freeformTags").GetProperty("restored").GetString());
        Assert.False(given.GetProperty("freeformTags").TryGetProperty("Environment", out _));
    }

    [Fact]
    public async Task The_deprecated_volume_backup_id_restores_too()
    {
        await using TestEmulator emulator = await StartAsync();
        string backup = await AvailableBackupAsync(emulator);

        JsonElement volume = await TestEmulator.OkJsonAsync(emulator.PostAsync("/volumes",
            $"{{\"compartmentId\":\"{emulator.CompartmentId}\",\"availabilityDomain\":\"{Ad2}\",\"volumeBackupId\":\"{backup}\",\"sizeInGBs\":200}}"));

        Assert.Equal(backup, volume.GetProperty("sourceDetails").GetProperty("id").GetString());
        Assert.Equal(200, volume.GetProperty("sizeInGBs").GetInt64());
    }

    [Theory]
    [InlineData("\"sizeInGBs\":99", "sizeInGBs")]
    [InlineData("\"sizeInGBs\":40000", "sizeInGBs")]
    [InlineData("\"sizeInGBs\":\"big\"", "sizeInGBs")]
    [InlineData("\"sizeInMBs\":1000000", "sizeInMBs")]
    [InlineData("\"vpusPerGB\":15", "vpusPerGB")]
    [InlineData("\"vpusPerGB\":130", "vpusPerGB")]
    [InlineData("\"volumeBackupId\":\"B\"", "volumeBackupId")]
    public async Task Invalid_restore_fields_are_400_naming_the_field(string extra, string field)
    {
        await using TestEmulator emulator = await StartAsync();
        string backup = await AvailableBackupAsync(emulator);

        JsonElement error = await OperationsTests.AssertErrorAsync(await emulator.PostAsync("/volumes", RestoreBody(emulator, backup, extra.Replace("\"B\"", "\"" + backup + "\""))),
            400, "InvalidParameter");

        Assert.StartsWith(field, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, emulator.Host.Statistics.RestoresFrom(backup));
    }

    [Theory]
    [InlineData("{\"availabilityDomain\":\"Uocm:US-ASHBURN-AD-2\",\"sourceDetails\":{\"type\":\"volumeBackup\",\"id\":\"B\"}}", "compartmentId")]
    [InlineData("{\"compartmentId\":\"C\",\"sourceDetails\":{\"type\":\"volumeBackup\",\"id\":\"B\"}}", "availabilityDomain")]
    [InlineData("{\"compartmentId\":\"C\",\"availabilityDomain\":\"Uocm:PHX-AD-1\",\"sourceDetails\":{\"type\":\"volumeBackup\",\"id\":\"B\"}}", "availabilityDomain")]
    [InlineData("{\"compartmentId\":\"C\",\"availabilityDomain\":\"Uocm:US-ASHBURN-AD-2\",\"sourceDetails\":{\"type\":\"volume\",\"id\":\"B\"}}", "sourceDetails.type")]
    [InlineData("{\"compartmentId\":\"C\",\"availabilityDomain\":\"Uocm:US-ASHBURN-AD-2\",\"sourceDetails\":{\"type\":\"volumeBackup\"}}", "sourceDetails.id")]
    [InlineData("{\"compartmentId\":\"C\",\"availabilityDomain\":\"Uocm:US-ASHBURN-AD-2\",\"sourceDetails\":{\"type\":\"snapshot\",\"id\":\"B\"}}", "sourceDetails.type")]
    [InlineData("{\"compartmentId\":\"C\",\"availabilityDomain\":\"Uocm:US-ASHBURN-AD-2\",\"sourceDetails\":\"B\"}", "sourceDetails")]
    public async Task Missing_or_wrong_restore_fields_are_400_naming_the_field(string body, string field)
    {
        await using TestEmulator emulator = await StartAsync();
        string backup = await AvailableBackupAsync(emulator);

        JsonElement error = await OperationsTests.AssertErrorAsync(
            await emulator.PostAsync("/volumes", body.Replace("\"B\"", "\"" + backup + "\"").Replace("\"C\"", "\"" + emulator.CompartmentId + "\"")), 400, "InvalidParameter");

        Assert.StartsWith(field, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_available_backup_of_the_same_region_is_restored()
    {
        await using TestEmulator emulator = await StartTwoRegionsAsync(o => o.BackupDuration = TimeSpan.FromSeconds(10));
        string creating = await TestEmulator.IdAsync(emulator.CreateVolumeBackupAsync());

        await OperationsTests.AssertErrorAsync(await emulator.PostAsync("/volumes", RestoreBody(emulator, creating)), 409, "IncorrectState");
        emulator.Clock.Advance(TimeSpan.FromSeconds(10));
        string westBody = RestoreBody(emulator, creating).Replace(Ad2, "Uocm:PHX-AD-1");
        await OperationsTests.AssertErrorAsync(await emulator.PostAsync("/volumes", westBody, region: Phoenix), 404, "NotAuthorizedOrNotFound");
        await OperationsTests.AssertErrorAsync(await emulator.PostAsync("/volumes", RestoreBody(emulator, "ocid1.volumebackup.oc1.us-ashburn-1.nosuch")), 404, "NotAuthorizedOrNotFound");
        Assert.Equal(0, emulator.Host.Statistics.TotalVolumesRestored);
    }

    [Fact]
    public async Task A_copy_is_restored_in_its_destination_region()
    {
        await using TestEmulator emulator = await StartTwoRegionsAsync(o => o.BackupDuration = TimeSpan.Zero);
        string source = await TestEmulator.IdAsync(emulator.CreateVolumeBackupAsync());
        string copy = await TestEmulator.IdAsync(CopyTests.CopyAsync(emulator, source, "{\"destinationRegion\":\"us-phoenix-1\"}"));

        JsonElement volume = await TestEmulator.OkJsonAsync(emulator.PostAsync("/volumes", RestoreBody(emulator, copy).Replace(Ad2, "Uocm:PHX-AD-3"), region: Phoenix));

        Assert.StartsWith("ocid1.volume.oc1.us-phoenix-1.", volume.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, emulator.Host.Statistics.RestoresFrom(copy));
    }

    [Fact]
    public async Task The_same_retry_token_returns_the_first_volume()
    {
        await using TestEmulator emulator = await StartAsync();
        string backup = await AvailableBackupAsync(emulator);

        string first = await TestEmulator.IdAsync(emulator.PostAsync("/volumes", RestoreBody(emulator, backup), "restore-1"));
        string again = await TestEmulator.IdAsync(emulator.PostAsync("/volumes", RestoreBody(emulator, backup), "restore-1"));
        using HttpResponseMessage other = await emulator.PostAsync("/volumes", RestoreBody(emulator, backup, "\"displayName\":\"x\""), "restore-1");

        Assert.Equal(first, again);
        await OperationsTests.AssertErrorAsync(other, 409, "Conflict");
        Assert.Equal(1, emulator.Host.Statistics.RestoresFrom(backup));
    }

    [Fact]
    public async Task A_blank_volume_has_the_default_size_and_no_hydration()
    {
        await using TestEmulator emulator = await StartAsync();

        JsonElement volume = await TestEmulator.OkJsonAsync(emulator.PostAsync("/volumes",
            $"{{\"compartmentId\":\"{emulator.CompartmentId}\",\"availabilityDomain\":\"{Ad2}\"}}"));

        Assert.Equal(1024, volume.GetProperty("sizeInGBs").GetInt64());
        Assert.Equal(JsonValueKind.Null, volume.GetProperty("isHydrated").ValueKind);
        Assert.Equal(JsonValueKind.Null, volume.GetProperty("sourceDetails").ValueKind);
        Assert.Equal(10, volume.GetProperty("vpusPerGB").GetInt64());
    }

    [Fact]
    public async Task A_restored_volume_can_be_backed_up_once_available()
    {
        await using TestEmulator emulator = await StartAsync();
        string backup = await AvailableBackupAsync(emulator);
        string volume = await TestEmulator.IdAsync(emulator.PostAsync("/volumes", RestoreBody(emulator, backup)));

        await OperationsTests.AssertErrorAsync(await emulator.CreateVolumeBackupAsync(volume), 409, "IncorrectState");
        emulator.Clock.Advance(TimeSpan.FromSeconds(20));

        Assert.StartsWith("ocid1.volumebackup.", await TestEmulator.IdAsync(emulator.CreateVolumeBackupAsync(volume)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Volume_group_restore_makes_a_new_group_of_volumes_restored_from_the_members()
    {
        await using TestEmulator emulator = await StartAsync();
        JsonElement groupBackup = await TestEmulator.OkJsonAsync(emulator.CreateVolumeGroupBackupAsync());
        string groupBackupId = groupBackup.GetProperty("id").GetString()!;
        string[] memberBackups = groupBackup.GetProperty("volumeBackupIds").EnumerateArray().Select(m => m.GetString()!).ToArray();
        string body = $"{{\"compartmentId\":\"{emulator.CompartmentId}\",\"availabilityDomain\":\"{Ad2}\",\"displayName\":\"erp restored\","
            + $"\"sourceDetails\":{{\"type\":\"volumeGroupBackupId\",\"volumeGroupBackupId\":\"{groupBackupId}\"}}}}";
        await OperationsTests.AssertErrorAsync(await emulator.PostAsync("/volumeGroups", body), 409, "IncorrectState");
        emulator.Clock.Advance(TimeSpan.FromSeconds(10));

        using HttpResponseMessage response = await emulator.PostAsync("/volumeGroups", body, "group-restore");
        JsonElement group = await TestEmulator.JsonAsync(response);
        string id = group.GetProperty("id").GetString()!;
        string[] volumes = group.GetProperty("volumeIds").EnumerateArray().Select(v => v.GetString()!).ToArray();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("ocid1.volumegroup.oc1.us-ashburn-1.", id, StringComparison.Ordinal);
        Assert.Equal("PROVISIONING", group.GetProperty("lifecycleState").GetString());
        Assert.Equal("volumeGroupBackupId", group.GetProperty("sourceDetails").GetProperty("type").GetString());
        Assert.Equal(groupBackupId, group.GetProperty("sourceDetails").GetProperty("volumeGroupBackupId").GetString());
        Assert.Equal(memberBackups.Length, volumes.Length);
        Assert.Empty(volumes.Intersect(emulator.Host.VolumeIdsOfGroup(emulator.VolumeGroupId)));
        var sources = new List<string>();
        foreach (string volume in volumes)
        {
            JsonElement restored = await emulator.GetJsonAsync("/volumes/" + volume);
            Assert.Equal(id, restored.GetProperty("volumeGroupId").GetString());
            sources.Add(restored.GetProperty("sourceDetails").GetProperty("id").GetString()!);
        }

        Assert.Equal(memberBackups.Order(), sources.Order());
        Assert.Equal(id, await TestEmulator.IdAsync(emulator.PostAsync("/volumeGroups", body, "group-restore")));
        emulator.Clock.Advance(TimeSpan.FromSeconds(20));
        JsonElement available = await emulator.GetJsonAsync("/volumeGroups/" + id);
        Assert.Equal("AVAILABLE", available.GetProperty("lifecycleState").GetString());
        Assert.False(available.GetProperty("isHydrated").GetBoolean());
        Assert.Equal(1, emulator.Host.Statistics.RestoresFrom(groupBackupId));
        Assert.Equal(1, (await emulator.AdminJsonAsync("/state")).GetProperty("volumeGroupsRestored").GetInt64());
    }

    [Theory]
    [InlineData("{\"compartmentId\":\"C\",\"availabilityDomain\":\"Uocm:US-ASHBURN-AD-1\"}", "sourceDetails")]
    [InlineData("{\"compartmentId\":\"C\",\"availabilityDomain\":\"Uocm:US-ASHBURN-AD-1\",\"sourceDetails\":{\"type\":\"volumeIds\",\"volumeIds\":[]}}", "sourceDetails.type")]
    [InlineData("{\"compartmentId\":\"C\",\"availabilityDomain\":\"Uocm:US-ASHBURN-AD-1\",\"sourceDetails\":{\"type\":\"volumeGroupBackupId\",\"id\":\"x\"}}", "sourceDetails.volumeGroupBackupId")]
    [InlineData("{\"compartmentId\":\"C\",\"sourceDetails\":{\"type\":\"volumeGroupBackupId\",\"volumeGroupBackupId\":\"x\"}}", "availabilityDomain")]
    public async Task Invalid_volume_group_restore_is_400_naming_the_field(string body, string field)
    {
        await using TestEmulator emulator = await StartAsync();

        JsonElement error = await OperationsTests.AssertErrorAsync(
            await emulator.PostAsync("/volumeGroups", body.Replace("\"C\"", "\"" + emulator.CompartmentId + "\"")), 400, "InvalidParameter");

        Assert.StartsWith(field, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
