using System.Text.Json;
using OciBackup.Emulator.Tests.Api;
using OciBackup.Emulator.Tests.TestSupport;

namespace OciBackup.Emulator.Tests.Regions;

/// <summary>One emulator, several regions: a port each, resources that belong to one region, 404 at another's endpoint.</summary>
public sealed class MultiRegionTests
{
    internal const string Ashburn = "us-ashburn-1";
    internal const string Phoenix = "us-phoenix-1";

    internal static Task<TestEmulator> StartTwoRegionsAsync(Action<EmulatorOptions>? configure = null) =>
        TestEmulator.StartAsync(o =>
        {
            o.AdditionalRegions.Add(Phoenix);
            configure?.Invoke(o);
        });

    [Fact]
    public async Task Each_region_listens_on_its_own_port_and_the_first_is_the_home_region()
    {
        await using TestEmulator emulator = await StartTwoRegionsAsync();

        Assert.Equal(new[] { Ashburn, Phoenix }, emulator.Host.Regions);
        Assert.Equal(Ashburn, emulator.Host.Region);
        Assert.Equal(emulator.Host.BaseAddress, emulator.Host.Endpoints[Ashburn]);
        Assert.NotEqual(emulator.Host.Endpoints[Ashburn].Port, emulator.Host.Endpoints[Phoenix].Port);
        Assert.All(emulator.Host.Endpoints.Values, e => Assert.Equal("127.0.0.1", e.Host));
    }

    [Fact]
    public async Task Generated_inventory_has_the_same_compartments_and_counts_in_every_region_with_the_regions_ocids()
    {
        await using TestEmulator emulator = await StartTwoRegionsAsync();

        EmulatorCompartment east = Assert.Single(emulator.Host.CompartmentsIn(Ashburn));
        EmulatorCompartment west = Assert.Single(emulator.Host.CompartmentsIn(Phoenix));

        Assert.Equal(east.Id, west.Id);
        Assert.Equal(east.VolumeIds.Count, west.VolumeIds.Count);
        Assert.Empty(east.VolumeIds.Intersect(west.VolumeIds));
        Assert.All(east.VolumeIds, id => Assert.StartsWith("ocid1.volume.oc1.us-ashburn-1.", id, StringComparison.Ordinal));
        Assert.All(west.VolumeIds, id => Assert.StartsWith("ocid1.volume.oc1.us-phoenix-1.", id, StringComparison.Ordinal));
        Assert.All(west.VolumeGroupIds, id => Assert.StartsWith("ocid1.volumegroup.oc1.us-phoenix-1.", id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_resource_is_found_at_its_own_regions_endpoint_and_is_404_at_another()
    {
        await using TestEmulator emulator = await StartTwoRegionsAsync();
        string westVolume = emulator.Host.CompartmentsIn(Phoenix)[0].VolumeIds[^1];
        string eastBackup = await TestEmulator.IdAsync(emulator.CreateVolumeBackupAsync());

        using HttpResponseMessage volumeAtHome = await emulator.GetAsync("/volumes/" + westVolume, region: Phoenix);
        using HttpResponseMessage volumeElsewhere = await emulator.GetAsync("/volumes/" + westVolume, region: Ashburn);
        using HttpResponseMessage backupElsewhere = await emulator.GetAsync("/volumeBackups/" + eastBackup, region: Phoenix);
        using HttpResponseMessage backupOfOtherRegionsVolume = await emulator.CreateVolumeBackupAsync(westVolume);

        Assert.Equal(200, (int)volumeAtHome.StatusCode);
        Assert.Equal(westVolume, (await TestEmulator.JsonAsync(volumeAtHome)).GetProperty("id").GetString());
        await OperationsTests.AssertErrorAsync(volumeElsewhere, 404, "NotAuthorizedOrNotFound");
        await OperationsTests.AssertErrorAsync(backupElsewhere, 404, "NotAuthorizedOrNotFound");
        await OperationsTests.AssertErrorAsync(backupOfOtherRegionsVolume, 404, "NotAuthorizedOrNotFound");
    }

    [Fact]
    public async Task Lists_show_only_the_called_regions_resources()
    {
        await using TestEmulator emulator = await StartTwoRegionsAsync();
        string westVolume = emulator.Host.CompartmentsIn(Phoenix)[0].VolumeIds[^1];
        string westBackup = await TestEmulator.IdAsync(emulator.PostAsync("/volumeBackups", $"{{\"volumeId\":\"{westVolume}\"}}", region: Phoenix));
        string list = "/volumeBackups?compartmentId=" + emulator.CompartmentId;

        JsonElement west = await emulator.GetJsonAsync(list, Phoenix);
        JsonElement east = await emulator.GetJsonAsync(list, Ashburn);
        JsonElement westVolumes = await emulator.GetJsonAsync("/volumes?compartmentId=" + emulator.CompartmentId, Phoenix);

        Assert.Equal(westBackup, Assert.Single(west.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(0, east.GetArrayLength());
        Assert.Equal(emulator.Host.CompartmentsIn(Phoenix)[0].VolumeIds.OrderBy(i => i), westVolumes.EnumerateArray().Select(v => v.GetProperty("id").GetString()!).OrderBy(i => i));
    }

    [Fact]
    public async Task Availability_domains_are_named_per_region_and_volumes_sit_in_their_regions_first()
    {
        await using TestEmulator emulator = await StartTwoRegionsAsync(o => o.AdditionalRegions.Add("ap-tokyo-1"));

        JsonElement east = await emulator.GetJsonAsync("/volumes/" + emulator.VolumeId);
        JsonElement west = await emulator.GetJsonAsync("/volumes/" + emulator.Host.CompartmentsIn(Phoenix)[0].VolumeIds[0], Phoenix);
        JsonElement tokyo = await emulator.GetJsonAsync("/volumes/" + emulator.Host.CompartmentsIn("ap-tokyo-1")[0].VolumeIds[0], "ap-tokyo-1");

        Assert.Equal("Uocm:US-ASHBURN-AD-1", east.GetProperty("availabilityDomain").GetString());
        Assert.Equal("Uocm:PHX-AD-1", west.GetProperty("availabilityDomain").GetString());
        Assert.Equal("Uocm:AP-TOKYO-1-AD-1", tokyo.GetProperty("availabilityDomain").GetString());
    }

    [Fact]
    public async Task Retry_tokens_are_per_region()
    {
        await using TestEmulator emulator = await StartTwoRegionsAsync();
        string westVolume = emulator.Host.CompartmentsIn(Phoenix)[0].VolumeIds[^1];

        string east = await TestEmulator.IdAsync(emulator.CreateVolumeBackupAsync(retryToken: "same-token"));
        string west = await TestEmulator.IdAsync(emulator.PostAsync("/volumeBackups", $"{{\"volumeId\":\"{westVolume}\"}}", "same-token", region: Phoenix));

        Assert.NotEqual(east, west);
        Assert.Equal(2, emulator.Host.Statistics.TotalVolumeBackups);
    }

    [Fact]
    public async Task Requests_are_counted_per_region()
    {
        await using TestEmulator emulator = await StartTwoRegionsAsync();

        await emulator.GetJsonAsync("/volumes?compartmentId=" + emulator.CompartmentId, Phoenix);
        await emulator.GetJsonAsync("/volumes?compartmentId=" + emulator.CompartmentId, Phoenix);
        await emulator.GetJsonAsync("/volumes?compartmentId=" + emulator.CompartmentId, Ashburn);
        JsonElement state = await emulator.AdminJsonAsync("/state");

        Assert.Equal(2, state.GetProperty("requestsByRegion").GetProperty(Phoenix).GetInt64());
        Assert.Equal(1, state.GetProperty("requestsByRegion").GetProperty(Ashburn).GetInt64());
        Assert.Equal(emulator.Host.Endpoints[Phoenix].ToString().TrimEnd('/'), state.GetProperty("regions").GetProperty(Phoenix).GetProperty("url").GetString());
    }

    [Fact]
    public async Task Generated_config_names_the_home_region_and_emulator_json_every_regions_endpoint()
    {
        string dir = Directory.CreateTempSubdirectory("emulator-regions-").FullName;
        try
        {
            await using TestEmulator emulator = await StartTwoRegionsAsync(o => o.InitConfigDirectory = dir);

            JsonElement descriptor = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "emulator.json"))).RootElement;
            string config = File.ReadAllText(Path.Combine(dir, "config"));

            Assert.Equal(Ashburn, descriptor.GetProperty("region").GetString());
            Assert.Equal(new[] { Ashburn, Phoenix }, descriptor.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal(emulator.Host.Endpoints[Phoenix].ToString().TrimEnd('/'), descriptor.GetProperty("endpoints").GetProperty(Phoenix).GetString());
            Assert.Equal(descriptor.GetProperty("url").GetString(), descriptor.GetProperty("endpoints").GetProperty(Ashburn).GetString());
            Assert.Contains("region=us-ashburn-1\n", config, StringComparison.Ordinal);
            Assert.Contains("# emulator endpoint of us-phoenix-1: " + emulator.Host.Endpoints[Phoenix].ToString().TrimEnd('/'), config, StringComparison.Ordinal);
            Assert.Equal(emulator.Host.TenancyId, descriptor.GetProperty("tenancyId").GetString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task The_same_region_twice_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => StartTwoRegionsAsync(o => o.AdditionalRegions.Add(Phoenix)));
    }

    [Fact]
    public async Task A_seed_item_in_a_region_the_emulator_does_not_serve_is_refused()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => TestEmulator.StartAsync(o => o.Seed = new OciBackup.Emulator.Inventory.EmulatorSeed
        {
            Compartments = { new OciBackup.Emulator.Inventory.SeedCompartment { Name = "c", Volumes = { new OciBackup.Emulator.Inventory.SeedVolume { DisplayName = "v", Region = Phoenix } } } },
        }));
    }
}
