using System.Text.Json;
using OciBackup.Emulator.Tests.TestSupport;

namespace OciBackup.Emulator.Tests.Api;

/// <summary>List operations: required compartment, filters, sorting, and opaque page tokens that must be encoded exactly once.</summary>
public sealed class ListTests
{
    [Theory]
    [InlineData("/volumeBackups")]
    [InlineData("/volumeGroupBackups")]
    [InlineData("/volumeGroups")]
    [InlineData("/compartments")]
    [InlineData("/availabilityDomains")]
    public async Task List_without_compartment_is_400_missing_parameter(string path)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        JsonElement error = await OperationsTests.AssertErrorAsync(await emulator.GetAsync(path + "?limit=5"), 400, "MissingParameter");

        Assert.Contains("compartmentId", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_follow_opc_next_page_until_every_backup_is_seen_once()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        var created = new List<string>();
        for (int i = 0; i < 7; i++)
        {
            created.Add((await TestEmulator.JsonAsync(await emulator.CreateVolumeBackupAsync())).GetProperty("id").GetString()!);
            emulator.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<string>();
        string? page = null;
        int pages = 0;
        do
        {
            string query = "/volumeBackups?compartmentId=" + emulator.CompartmentId + "&limit=3"
                + (page is null ? "" : "&page=" + Uri.EscapeDataString(page));
            using HttpResponseMessage response = await emulator.GetAsync(query);
            Assert.Equal(200, (int)response.StatusCode);
            JsonElement items = await TestEmulator.JsonAsync(response);
            seen.AddRange(items.EnumerateArray().Select(b => b.GetProperty("id").GetString()!));
            page = TestEmulator.Header(response, "opc-next-page");
            if (page is not null)
            {
                Assert.Contains('+', page);
                Assert.Contains('/', page);
                Assert.Contains('=', page);
            }

            pages++;
        }
        while (page is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(created), seen); // default: TIMECREATED, newest first
    }

    [Fact]
    public async Task A_requests_debug_line_carries_its_query_so_a_further_page_is_told_from_a_first()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        await emulator.CreateVolumeBackupAsync();
        await emulator.CreateVolumeBackupAsync();
        string first = "/volumeBackups?compartmentId=" + emulator.CompartmentId + "&limit=1";
        using HttpResponseMessage response = await emulator.GetAsync(first);
        string further = first + "&page=" + Uri.EscapeDataString(TestEmulator.Header(response, "opc-next-page")!);
        (await emulator.GetAsync(further)).Dispose();

        string[] lists = emulator.Logs.Lines.Where(l => l.StartsWith("Debug: ", StringComparison.Ordinal) && l.Contains("ListVolumeBackups", StringComparison.Ordinal)).ToArray();

        Assert.Equal(2, lists.Length);
        Assert.Contains("GET " + first + " -> 200 ListVolumeBackups", lists[0], StringComparison.Ordinal);
        Assert.Contains("GET " + further + " -> 200 ListVolumeBackups", lists[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_token_sent_without_encoding_is_refused()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        await emulator.CreateVolumeBackupAsync();
        await emulator.CreateVolumeBackupAsync();
        using HttpResponseMessage first = await emulator.GetAsync("/volumeBackups?compartmentId=" + emulator.CompartmentId + "&limit=1");
        string page = TestEmulator.Header(first, "opc-next-page")!;

        using HttpResponseMessage raw = await emulator.GetAsync("/volumeBackups?compartmentId=" + emulator.CompartmentId + "&limit=1&page=" + page);
        using HttpResponseMessage twice = await emulator.GetAsync("/volumeBackups?compartmentId=" + emulator.CompartmentId + "&limit=1&page="
            + Uri.EscapeDataString(Uri.EscapeDataString(page)));
        using HttpResponseMessage once = await emulator.GetAsync("/volumeBackups?compartmentId=" + emulator.CompartmentId + "&limit=1&page="
            + Uri.EscapeDataString(page));

        await OperationsTests.AssertErrorAsync(raw, 400, "InvalidParameter");
        await OperationsTests.AssertErrorAsync(twice, 400, "InvalidParameter");
        Assert.Equal(200, (int)once.StatusCode);
    }

    [Fact]
    public async Task Page_token_of_another_query_is_refused()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        await emulator.CreateVolumeBackupAsync();
        await emulator.CreateVolumeBackupAsync();
        using HttpResponseMessage first = await emulator.GetAsync("/volumeBackups?compartmentId=" + emulator.CompartmentId + "&limit=1");
        string page = Uri.EscapeDataString(TestEmulator.Header(first, "opc-next-page")!);

        using HttpResponseMessage other = await emulator.GetAsync("/volumeBackups?compartmentId=" + emulator.CompartmentId + "&limit=1&sortBy=DISPLAYNAME&page=" + page);

        await OperationsTests.AssertErrorAsync(other, 400, "InvalidParameter");
    }

    [Fact]
    public async Task Filters_by_volume_display_name_and_lifecycle_state()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        string otherVolume = emulator.Compartment.VolumeIds[0];
        await emulator.CreateVolumeBackupAsync(extra: "\"displayName\":\"nightly backup 01\"");
        await emulator.CreateVolumeBackupAsync(otherVolume, extra: "\"displayName\":\"other\"");
        emulator.Clock.Advance(TimeSpan.FromMinutes(1));
        await emulator.CreateVolumeBackupAsync(extra: "\"displayName\":\"fresh\"");
        string list = "/volumeBackups?compartmentId=" + emulator.CompartmentId;

        JsonElement byVolume = await emulator.GetJsonAsync(list + "&volumeId=" + emulator.VolumeId);
        JsonElement byName = await emulator.GetJsonAsync(list + "&displayName=nightly%20backup%2001");
        JsonElement available = await emulator.GetJsonAsync(list + "&lifecycleState=AVAILABLE");
        JsonElement otherCompartment = await emulator.GetJsonAsync("/volumeBackups?compartmentId=ocid1.compartment.oc1..nothing");

        Assert.Equal(2, byVolume.GetArrayLength());
        Assert.Equal("nightly backup 01", Assert.Single(byName.EnumerateArray()).GetProperty("displayName").GetString());
        Assert.Equal(new[] { "nightly backup 01", "other" }, available.EnumerateArray().Select(b => b.GetProperty("displayName").GetString()).Order());
        Assert.Equal(0, otherCompartment.GetArrayLength());
    }

    [Fact]
    public async Task Sorts_by_display_name_and_time_in_either_order()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        foreach (string name in new[] { "b", "c", "a" })
        {
            await emulator.CreateVolumeBackupAsync(extra: $"\"displayName\":\"{name}\"");
            emulator.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        string list = "/volumeBackups?compartmentId=" + emulator.CompartmentId;
        Assert.Equal("abc", await NamesAsync(emulator, list + "&sortBy=DISPLAYNAME"));
        Assert.Equal("cba", await NamesAsync(emulator, list + "&sortBy=DISPLAYNAME&sortOrder=DESC"));
        Assert.Equal("acb", await NamesAsync(emulator, list + "&sortBy=TIMECREATED"));
        Assert.Equal("bca", await NamesAsync(emulator, list + "&sortBy=TIMECREATED&sortOrder=ASC"));
    }

    [Theory]
    [InlineData("&sortBy=SIZE", "sortBy")]
    [InlineData("&sortOrder=UP", "sortOrder")]
    [InlineData("&limit=0", "limit")]
    [InlineData("&limit=1001", "limit")]
    [InlineData("&limit=ten", "limit")]
    [InlineData("&lifecycleState=DONE", "lifecycleState")]
    public async Task Invalid_list_parameter_is_400_naming_it(string query, string field)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        JsonElement error = await OperationsTests.AssertErrorAsync(
            await emulator.GetAsync("/volumeBackups?compartmentId=" + emulator.CompartmentId + query), 400, "InvalidParameter");

        Assert.StartsWith(field, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Group_backups_list_filters_by_volume_group()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        await emulator.CreateVolumeGroupBackupAsync();

        JsonElement mine = await emulator.GetJsonAsync("/volumeGroupBackups?compartmentId=" + emulator.CompartmentId + "&volumeGroupId=" + emulator.VolumeGroupId);
        JsonElement none = await emulator.GetJsonAsync("/volumeGroupBackups?compartmentId=" + emulator.CompartmentId + "&volumeGroupId=ocid1.volumegroup.x");

        Assert.Equal(1, mine.GetArrayLength());
        Assert.Equal(0, none.GetArrayLength());
    }

    private static async Task<string> NamesAsync(TestEmulator emulator, string query) =>
        string.Concat((await emulator.GetJsonAsync(query)).EnumerateArray().Select(b => b.GetProperty("displayName").GetString()));
}
