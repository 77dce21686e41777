using System.Text.Json;
using OciBackup.Emulator.Inventory;
using OciBackup.Emulator.Tests.TestSupport;

namespace OciBackup.Emulator.Tests.Api;

/// <summary>ListVolumes and ListVolumeGroups with every filter, their sorting and paging; the backup lists' own filters.</summary>
public sealed class VolumeListTests
{
    private const string Ad1 = "Uocm:US-ASHBURN-AD-1";
    private const string Ad2 = "Uocm:US-ASHBURN-AD-2";

    private static Task<TestEmulator> StartAsync() => TestEmulator.StartAsync(o => o.Seed = new EmulatorSeed
    {
        Compartments =
        {
            new SeedCompartment
            {
                Name = "prod",
                Volumes =
                {
                    new SeedVolume { DisplayName = "b-data", AvailabilityDomain = Ad2 },
                    new SeedVolume { DisplayName = "a-data", AvailabilityDomain = Ad1 },
                    new SeedVolume { DisplayName = "c-data", AvailabilityDomain = Ad2, LifecycleState = "FAULTY" },
                    new SeedVolume { DisplayName = "y-data", AvailabilityDomain = Ad1 },
                },
                VolumeGroups =
                {
                    new SeedVolumeGroup { DisplayName = "erp", AvailabilityDomain = Ad2, Volumes = { new SeedVolume { DisplayName = "erp-1" }, new SeedVolume { DisplayName = "erp-2" } } },
                },
            },
            new SeedCompartment { Name = "test", Volumes = { new SeedVolume { DisplayName = "a-data" } } },
        },
    });

    private static async Task<string[]> NamesAsync(TestEmulator emulator, string query) =>
        (await emulator.GetJsonAsync(query)).EnumerateArray().Select(v => v.GetProperty("displayName").GetString()!).ToArray();

    [Fact]
    public async Task List_volumes_without_a_compartment_lists_every_compartment_of_the_region()
    {
        await using TestEmulator emulator = await StartAsync();

        string[] all = await NamesAsync(emulator, "/volumes?sortBy=DISPLAYNAME");

        Assert.Equal(7, all.Length);
        Assert.Equal(2, all.Count(n => n == "a-data"));
    }

    [Fact]
    public async Task List_volumes_groups_by_availability_domain_then_sorts_unless_one_domain_is_asked_for()
    {
        await using TestEmulator emulator = await StartAsync();
        string prod = emulator.Host.Compartments.Single(c => c.Name == "prod").Id;

        string[] grouped = await NamesAsync(emulator, $"/volumes?compartmentId={prod}&sortBy=DISPLAYNAME");
        string[] inAd2 = await NamesAsync(emulator, $"/volumes?compartmentId={prod}&sortBy=DISPLAYNAME&sortOrder=DESC&availabilityDomain={Uri.EscapeDataString(Ad2)}");

        Assert.Equal(new[] { "a-data", "y-data", "b-data", "c-data", "erp-1", "erp-2" }, grouped);
        Assert.Equal(new[] { "erp-2", "erp-1", "c-data", "b-data" }, inAd2);
    }

    [Fact]
    public async Task List_volumes_filters_by_exact_display_name_group_and_lifecycle_state_in_any_case()
    {
        await using TestEmulator emulator = await StartAsync();
        EmulatorCompartment prod = emulator.Host.Compartments.Single(c => c.Name == "prod");
        string list = "/volumes?compartmentId=" + prod.Id;

        Assert.Equal(new[] { "a-data" }, await NamesAsync(emulator, list + "&displayName=a-data"));
        Assert.Empty(await NamesAsync(emulator, list + "&displayName=a-DATA"));
        Assert.Equal(new[] { "erp-1", "erp-2" }, (await NamesAsync(emulator, list + "&volumeGroupId=" + prod.VolumeGroupIds[0])).Order());
        Assert.Equal(new[] { "c-data" }, await NamesAsync(emulator, list + "&lifecycleState=faulty"));
        Assert.Empty(await NamesAsync(emulator, list + "&clusterPlacementGroupId=ocid1.clusterplacementgroup.oc1..x"));
        await OperationsTests.AssertErrorAsync(await emulator.GetAsync(list + "&lifecycleState=BROKEN"), 400, "InvalidParameter");
    }

    [Fact]
    public async Task List_volumes_pages_with_opc_next_page()
    {
        await using TestEmulator emulator = await StartAsync();
        var seen = new List<string>();
        string? page = null;
        do
        {
            using HttpResponseMessage response = await emulator.GetAsync("/volumes?limit=4&sortBy=TIMECREATED&sortOrder=ASC"
                + (page is null ? "" : "&page=" + Uri.EscapeDataString(page)));
            seen.AddRange((await TestEmulator.JsonAsync(response)).EnumerateArray().Select(v => v.GetProperty("id").GetString()!));
            page = TestEmulator.Header(response, "opc-next-page");
        }
        while (page is not null);

        Assert.Equal(7, seen.Distinct().Count());
        Assert.Equal(7, seen.Count);
    }

    [Fact]
    public async Task List_volume_groups_filters_by_domain_name_and_state()
    {
        await using TestEmulator emulator = await StartAsync();
        string list = "/volumeGroups?compartmentId=" + emulator.Host.Compartments.Single(c => c.Name == "prod").Id;

        Assert.Equal(new[] { "erp" }, await NamesAsync(emulator, list + "&availabilityDomain=" + Uri.EscapeDataString(Ad2)));
        Assert.Empty(await NamesAsync(emulator, list + "&availabilityDomain=" + Uri.EscapeDataString(Ad1)));
        Assert.Equal(new[] { "erp" }, await NamesAsync(emulator, list + "&displayName=erp&lifecycleState=Available"));
        Assert.Empty(await NamesAsync(emulator, list + "&lifecycleState=PROVISIONING"));
    }

    [Fact]
    public async Task Volume_group_backup_list_has_no_lifecycle_state_filter_and_ignores_the_parameter()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        await emulator.CreateVolumeGroupBackupAsync();

        JsonElement listed = await emulator.GetJsonAsync($"/volumeGroupBackups?compartmentId={emulator.CompartmentId}&lifecycleState=AVAILABLE");

        Assert.Equal("REQUEST_RECEIVED", Assert.Single(listed.EnumerateArray()).GetProperty("lifecycleState").GetString());
    }

    [Fact]
    public async Task Volume_backup_list_filters_by_display_name_and_state_case_insensitively_for_the_state()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.BackupDuration = TimeSpan.FromSeconds(10));
        await emulator.CreateVolumeBackupAsync(extra: "\"displayName\":\"nightly\"");
        await emulator.CreateVolumeBackupAsync(extra: "\"displayName\":\"weekly\"");
        string list = "/volumeBackups?compartmentId=" + emulator.CompartmentId;

        Assert.Equal(new[] { "nightly" }, await NamesAsync(emulator, list + "&displayName=nightly"));
        Assert.Equal(2, (await NamesAsync(emulator, list + "&lifecycleState=request_received")).Length);
        Assert.Empty(await NamesAsync(emulator, list + "&lifecycleState=AVAILABLE"));
    }
}
