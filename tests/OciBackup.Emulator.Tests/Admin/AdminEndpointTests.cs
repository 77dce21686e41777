using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OciBackup.Emulator.Tests.TestSupport;

namespace OciBackup.Emulator.Tests.Admin;

/// <summary>The admin endpoint: counters tests read, and faults changed at run time.</summary>
public sealed class AdminEndpointTests
{
    [Fact]
    public async Task State_reports_requests_backups_per_volume_and_fault_counts()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        await emulator.CreateVolumeBackupAsync(retryToken: "a");
        await emulator.CreateVolumeBackupAsync(retryToken: "a");
        await emulator.CreateVolumeGroupBackupAsync();
        await emulator.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, emulator.Api("/volumes")));

        JsonElement state = await emulator.AdminJsonAsync("/state");
        JsonElement count = await emulator.AdminJsonAsync("/volumes/" + emulator.VolumeId + "/backup-count");
        JsonElement groupCount = await emulator.AdminJsonAsync("/volume-groups/" + emulator.VolumeGroupId + "/backup-count");

        Assert.Equal(4, state.GetProperty("requests").GetInt64());
        Assert.Equal(3, state.GetProperty("authenticatedRequests").GetInt64());
        Assert.Equal(1, state.GetProperty("authenticationFailuresByReason").GetProperty("MissingAuthorization").GetInt64());
        Assert.Equal(2, state.GetProperty("requestsByOperation").GetProperty("CreateVolumeBackup").GetInt64());
        Assert.Equal(1, state.GetProperty("volumes").GetProperty(emulator.VolumeId).GetProperty("volumeBackupsCreated").GetInt64());
        Assert.Equal(3, state.GetProperty("volumeBackups").GetInt64()); // one + two members
        Assert.Equal(0, state.GetProperty("faultCounts").GetProperty("rateLimited").GetInt64());
        Assert.Equal(1, count.GetProperty("volumeBackupsCreated").GetInt64());
        Assert.Equal(1, groupCount.GetProperty("volumeGroupBackupsCreated").GetInt64());
        Assert.Equal(0, (await emulator.AdminJsonAsync("/state")).GetProperty("requests").GetInt64() - 4); // admin calls are not API requests
    }

    [Fact]
    public async Task Faults_put_through_the_admin_endpoint_take_effect_and_delete_clears_them()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage put = await emulator.Http.PutAsync(new Uri(emulator.Host.BaseAddress, "admin/faults"),
            new StringContent("{\"serviceUnavailableShare\":1,\"latencyMilliseconds\":0}", Encoding.UTF8, "application/json"));
        using HttpResponseMessage during = await emulator.GetAsync("/volumes/" + emulator.VolumeId);
        using HttpResponseMessage delete = await emulator.Http.DeleteAsync(new Uri(emulator.Host.BaseAddress, "admin/faults"));
        using HttpResponseMessage after = await emulator.GetAsync("/volumes/" + emulator.VolumeId);

        Assert.Equal(200, (int)put.StatusCode);
        Assert.Equal(1, (await TestEmulator.JsonAsync(put)).GetProperty("serviceUnavailableShare").GetDouble());
        Assert.Equal(503, (int)during.StatusCode);
        Assert.Equal(200, (int)delete.StatusCode);
        Assert.Equal(200, (int)after.StatusCode);
        Assert.Equal(1, (await emulator.AdminJsonAsync("/state")).GetProperty("faultCounts").GetProperty("serviceUnavailable").GetInt64());
    }

    [Theory]
    [InlineData("{\"noSuchFault\":1}")]
    [InlineData("{\"internalServerErrorShare\":2}")]
    [InlineData("{\"latencyMilliseconds\":\"slow\"}")]
    [InlineData("[1]")]
    public async Task Invalid_fault_changes_are_refused_and_change_nothing(string body)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage put = await emulator.Http.PutAsync(new Uri(emulator.Host.BaseAddress, "admin/faults"),
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(400, (int)put.StatusCode);
        Assert.Equal(new FaultSettings(), emulator.Host.Faults);
    }

    [Fact]
    public async Task Admin_token_when_configured_is_required()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.AdminToken = "s3cret");
        Uri state = new(emulator.Host.BaseAddress, "admin/state");

        using HttpResponseMessage without = await emulator.Http.GetAsync(state);
        using var request = new HttpRequestMessage(HttpMethod.Get, state) { Headers = { { "x-admin-token", "s3cret" } } };
        using HttpResponseMessage with = await emulator.Http.SendAsync(request);

        Assert.Equal(401, (int)without.StatusCode);
        Assert.Equal(200, (int)with.StatusCode);
    }

    [Fact]
    public async Task Inventory_lists_compartments_volumes_and_groups()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        JsonElement inventory = await emulator.AdminJsonAsync("/inventory");

        JsonElement compartment = Assert.Single(inventory.GetProperty("compartments").EnumerateArray());
        Assert.Equal("test", compartment.GetProperty("name").GetString());
        Assert.Equal(emulator.CompartmentId, compartment.GetProperty("id").GetString());
        Assert.Equal(5, compartment.GetProperty("volumes").GetArrayLength());
        Assert.Equal(2, Assert.Single(compartment.GetProperty("volumeGroups").EnumerateArray()).GetProperty("volumeIds").GetArrayLength());
    }

    [Fact]
    public async Task Inventory_names_the_tenancy_every_region_and_where_each_volume_lives()
    {
        await using TestEmulator emulator = await OciBackup.Emulator.Tests.Regions.MultiRegionTests.StartTwoRegionsAsync(o => o.TenancyId = "ocid1.tenancy.oc1..inv");

        JsonElement inventory = await emulator.AdminJsonAsync("/inventory");

        Assert.Equal("ocid1.tenancy.oc1..inv", inventory.GetProperty("tenancyId").GetString());
        Assert.Equal("us-ashburn-1", inventory.GetProperty("region").GetString());
        JsonElement[] regions = inventory.GetProperty("regions").EnumerateArray().ToArray();
        Assert.Equal(new[] { "us-ashburn-1", "us-phoenix-1" }, regions.Select(r => r.GetProperty("region").GetString()));
        Assert.Equal(emulator.Host.Endpoints["us-phoenix-1"].ToString().TrimEnd('/'), regions[1].GetProperty("url").GetString());
        Assert.Equal(3, regions[1].GetProperty("availabilityDomains").GetArrayLength());
        JsonElement compartment = Assert.Single(inventory.GetProperty("compartments").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, compartment.GetProperty("parentId").ValueKind);
        JsonElement[] volumes = compartment.GetProperty("volumes").EnumerateArray().ToArray();
        Assert.Equal(10, volumes.Length);
        Assert.Equal(5, volumes.Count(v => v.GetProperty("region").GetString() == "us-phoenix-1"));
        Assert.All(volumes.Where(v => v.GetProperty("region").GetString() == "us-phoenix-1"),
            v => Assert.StartsWith("Uocm:PHX-AD-", v.GetProperty("availabilityDomain").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Backup_counters_of_an_unknown_backup_are_404()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage response = await emulator.Http.GetAsync(new Uri(emulator.Host.BaseAddress, "admin/backups/ocid1.volumebackup.oc1..nosuch"));

        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public async Task Shutdown_asks_the_host_to_stop()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Assert.False(emulator.Host.StopRequested.IsCancellationRequested);

        using HttpResponseMessage response = await emulator.Http.PostAsync(new Uri(emulator.Host.BaseAddress, "admin/shutdown"), null);

        Assert.Equal(202, (int)response.StatusCode);
        Assert.True((await TestEmulator.JsonAsync(response)).GetProperty("stopping").GetBoolean());
        Assert.True(emulator.Host.StopRequested.IsCancellationRequested);
    }
}
