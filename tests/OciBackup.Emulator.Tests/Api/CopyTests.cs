using System.Text.Json;
using OciBackup.Emulator.Tests.TestSupport;
using static OciBackup.Emulator.Tests.Regions.MultiRegionTests;

namespace OciBackup.Emulator.Tests.Api;

/// <summary>
/// CopyVolumeBackup and CopyVolumeGroupBackup: called at the source region, the copy lives in the destination with the
/// source's id, tags and compartment, goes through a backup's lifecycle there, and honours retry tokens.
/// </summary>
public sealed class CopyTests
{
    private static Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null) => StartTwoRegionsAsync(o =>
    {
        o.BackupDuration = TimeSpan.FromSeconds(10);
        o.CopyDuration = TimeSpan.FromSeconds(60);
        configure?.Invoke(o);
    });

    private static async Task<string> AvailableBackupAsync(TestEmulator emulator, string? extra = null)
    {
        string id = await TestEmulator.IdAsync(emulator.CreateVolumeBackupAsync(extra: extra));
        emulator.Clock.Advance(TimeSpan.FromSeconds(10));
        return id;
    }

    internal static Task<HttpResponseMessage> CopyAsync(TestEmulator emulator, string id, string body, string? retryToken = null, string kind = "volumeBackups",
        string region = Ashburn) =>
        emulator.PostAsync($"/{kind}/{id}/actions/copy", body, retryToken, region: region);

    [Fact]
    public async Task Copy_answers_with_the_copy_which_lives_in_the_destination_region()
    {
        await using TestEmulator emulator = await StartAsync();
        string source = await AvailableBackupAsync(emulator, "\"displayName\":\"nightly\",\"type\":\"FULL\",\"freeformTags\":{\"backup\":\"nightly\"},\"definedTags\":{\"Ops\":{\"Tier\":\"gold\"}}");

        using HttpResponseMessage response = await CopyAsync(emulator, source, "{\"destinationRegion\":\"us-phoenix-1\"}");
        JsonElement copy = await TestEmulator.JsonAsync(response);
        string id = copy.GetProperty("id").GetString()!;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.False(string.IsNullOrEmpty(TestEmulator.Header(response, "etag")));
        Assert.StartsWith("ocid1.coreservicesworkrequest.oc1.us-ashburn-1.", TestEmulator.Header(response, "opc-work-request-id"), StringComparison.Ordinal);
        Assert.StartsWith("ocid1.volumebackup.oc1.us-phoenix-1.", id, StringComparison.Ordinal);
        Assert.Equal(source, copy.GetProperty("sourceVolumeBackupId").GetString());
        Assert.Equal("REQUEST_RECEIVED", copy.GetProperty("lifecycleState").GetString());
        Assert.Equal("nightly", copy.GetProperty("displayName").GetString());
        Assert.Equal("FULL", copy.GetProperty("type").GetString());
        Assert.Equal(emulator.CompartmentId, copy.GetProperty("compartmentId").GetString());
        Assert.Equal(emulator.VolumeId, copy.GetProperty("volumeId").GetString());
        Assert.Equal("nightly", copy.GetProperty("freeformTags").GetProperty("backup").GetString());
        Assert.Equal("gold", copy.GetProperty("definedTags").GetProperty("Ops").GetProperty("Tier").GetString());
        await OperationsTests.AssertErrorAsync(await emulator.GetAsync("/volumeBackups/" + id), 404, "NotAuthorizedOrNotFound");
        Assert.Equal(copy.GetRawText(), (await emulator.GetJsonAsync("/volumeBackups/" + id, Phoenix)).GetRawText());
        Assert.Equal(1, emulator.Host.Statistics.CopiesMade(source));
    }

    [Fact]
    public async Task The_copy_goes_through_a_backups_lifecycle_in_the_destination()
    {
        await using TestEmulator emulator = await StartAsync();
        string source = await AvailableBackupAsync(emulator);
        string id = await TestEmulator.IdAsync(CopyAsync(emulator, source, "{\"destinationRegion\":\"us-phoenix-1\",\"displayName\":\"dr copy\",\"kmsKeyId\":\"ocid1.key.oc1.phx.k\"}"));

        var seen = new List<string>();
        foreach (int seconds in new[] { 0, 12, 47, 1 })
        {
            emulator.Clock.Advance(TimeSpan.FromSeconds(seconds));
            seen.Add((await emulator.GetJsonAsync("/volumeBackups/" + id, Phoenix)).GetProperty("lifecycleState").GetString()!);
        }

        JsonElement done = await emulator.GetJsonAsync("/volumeBackups/" + id, Phoenix);
        Assert.Equal(new[] { "REQUEST_RECEIVED", "CREATING", "CREATING", "AVAILABLE" }, seen);
        Assert.Equal("dr copy", done.GetProperty("displayName").GetString());
        Assert.Equal("ocid1.key.oc1.phx.k", done.GetProperty("kmsKeyId").GetString());
        Assert.Equal(100, done.GetProperty("sizeInGBs").GetInt64());
        Assert.Equal(100, done.GetProperty("uniqueSizeInGBs").GetInt64());
    }

    [Fact]
    public async Task Copies_are_found_in_the_destination_by_their_source()
    {
        await using TestEmulator emulator = await StartAsync();
        string source = await AvailableBackupAsync(emulator);
        string other = await AvailableBackupAsync(emulator);
        string copy = await TestEmulator.IdAsync(CopyAsync(emulator, source, "{\"destinationRegion\":\"us-phoenix-1\"}"));
        await TestEmulator.IdAsync(CopyAsync(emulator, other, "{\"destinationRegion\":\"us-phoenix-1\"}"));

        JsonElement found = await emulator.GetJsonAsync($"/volumeBackups?compartmentId={emulator.CompartmentId}&sourceVolumeBackupId={source}", Phoenix);
        JsonElement atSource = await emulator.GetJsonAsync($"/volumeBackups?compartmentId={emulator.CompartmentId}&sourceVolumeBackupId={source}");

        Assert.Equal(copy, Assert.Single(found.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(0, atSource.GetArrayLength());
    }

    [Fact]
    public async Task The_same_retry_token_returns_the_first_copy_and_another_body_is_409_conflict()
    {
        await using TestEmulator emulator = await StartAsync();
        string source = await AvailableBackupAsync(emulator);

        string first = await TestEmulator.IdAsync(CopyAsync(emulator, source, "{\"destinationRegion\":\"us-phoenix-1\"}", "copy-token"));
        string again = await TestEmulator.IdAsync(CopyAsync(emulator, source, "{ \"destinationRegion\" : \"us-phoenix-1\" }", "copy-token"));
        using HttpResponseMessage renamed = await CopyAsync(emulator, source, "{\"destinationRegion\":\"us-phoenix-1\",\"displayName\":\"x\"}", "copy-token");

        Assert.Equal(first, again);
        await OperationsTests.AssertErrorAsync(renamed, 409, "Conflict");
        Assert.Equal(1, emulator.Host.Statistics.CopiesMade(source));
        Assert.Single((await emulator.GetJsonAsync($"/volumeBackups?compartmentId={emulator.CompartmentId}", Phoenix)).EnumerateArray());
    }

    [Fact]
    public async Task Only_an_available_backup_can_be_copied()
    {
        await using TestEmulator emulator = await StartAsync();
        string creating = await TestEmulator.IdAsync(emulator.CreateVolumeBackupAsync());

        await OperationsTests.AssertErrorAsync(await CopyAsync(emulator, creating, "{\"destinationRegion\":\"us-phoenix-1\"}"), 409, "IncorrectState");
        Assert.Equal(0, emulator.Host.Statistics.CopiesMade(creating));
    }

    [Theory]
    [InlineData("{\"destinationRegion\":\"us-ashburn-1\"}", 400, "InvalidParameter", "destinationRegion")]
    [InlineData("{\"destinationRegion\":\"eu-frankfurt-1\"}", 400, "InvalidParameter", "destinationRegion")]
    [InlineData("{}", 400, "InvalidParameter", "destinationRegion")]
    [InlineData("{\"destinationRegion\":7}", 400, "InvalidParameter", "destinationRegion")]
    [InlineData("{\"destinationRegion\":\"us-phoenix-1\",\"displayName\":\"\"}", 400, "InvalidParameter", "displayName")]
    [InlineData("not json", 400, "CannotParseRequest", "")]
    public async Task Invalid_copy_requests_are_refused_naming_the_field(string body, int status, string code, string field)
    {
        await using TestEmulator emulator = await StartAsync();
        string source = await AvailableBackupAsync(emulator);

        JsonElement error = await OperationsTests.AssertErrorAsync(await CopyAsync(emulator, source, body), status, code);

        Assert.StartsWith(field, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, emulator.Host.Statistics.CopiesMade(source));
    }

    [Fact]
    public async Task Copy_called_at_another_regions_endpoint_or_of_an_unknown_backup_is_404()
    {
        await using TestEmulator emulator = await StartAsync();
        string source = await AvailableBackupAsync(emulator);

        await OperationsTests.AssertErrorAsync(await CopyAsync(emulator, source, "{\"destinationRegion\":\"us-ashburn-1\"}", region: Phoenix), 404, "NotAuthorizedOrNotFound");
        await OperationsTests.AssertErrorAsync(await CopyAsync(emulator, "ocid1.volumebackup.oc1.us-ashburn-1.nosuch", "{\"destinationRegion\":\"us-phoenix-1\"}"), 404, "NotAuthorizedOrNotFound");
    }

    [Fact]
    public async Task A_copy_can_be_copied_back_once_available()
    {
        await using TestEmulator emulator = await StartAsync();
        string source = await AvailableBackupAsync(emulator);
        string copy = await TestEmulator.IdAsync(CopyAsync(emulator, source, "{\"destinationRegion\":\"us-phoenix-1\"}"));
        emulator.Clock.Advance(TimeSpan.FromSeconds(60));

        JsonElement back = await TestEmulator.JsonAsync(await CopyAsync(emulator, copy, "{\"destinationRegion\":\"us-ashburn-1\"}", region: Phoenix));

        Assert.StartsWith("ocid1.volumebackup.oc1.us-ashburn-1.", back.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(copy, back.GetProperty("sourceVolumeBackupId").GetString());
    }

    [Fact]
    public async Task The_source_cannot_be_deleted_while_a_copy_of_it_is_being_made()
    {
        await using TestEmulator emulator = await StartAsync();
        string source = await AvailableBackupAsync(emulator);
        string copy = await TestEmulator.IdAsync(CopyAsync(emulator, source, "{\"destinationRegion\":\"us-phoenix-1\"}"));

        await OperationsTests.AssertErrorAsync(await emulator.DeleteAsync("/volumeBackups/" + source), 409, "IncorrectState");
        emulator.Clock.Advance(TimeSpan.FromSeconds(60));
        using HttpResponseMessage deleteSource = await emulator.DeleteAsync("/volumeBackups/" + source);
        using HttpResponseMessage deleteCopy = await emulator.DeleteAsync("/volumeBackups/" + copy, region: Phoenix);

        Assert.Equal(204, (int)deleteSource.StatusCode);
        Assert.Equal(204, (int)deleteCopy.StatusCode);
        Assert.Equal("TERMINATING", (await emulator.GetJsonAsync("/volumeBackups/" + copy, Phoenix)).GetProperty("lifecycleState").GetString());
    }

    [Fact]
    public async Task The_work_request_in_the_source_region_follows_the_copy()
    {
        await using TestEmulator emulator = await StartAsync();
        string source = await AvailableBackupAsync(emulator);
        using HttpResponseMessage response = await CopyAsync(emulator, source, "{\"destinationRegion\":\"us-phoenix-1\"}");
        string copy = (await TestEmulator.JsonAsync(response)).GetProperty("id").GetString()!;
        string workRequest = TestEmulator.Header(response, "opc-work-request-id")!;

        JsonElement accepted = await emulator.GetJsonAsync("/workRequests/" + workRequest);
        emulator.Clock.Advance(TimeSpan.FromSeconds(30));
        JsonElement inProgress = await emulator.GetJsonAsync("/workRequests/" + workRequest);
        emulator.Clock.Advance(TimeSpan.FromSeconds(30));
        JsonElement succeeded = await emulator.GetJsonAsync("/workRequests/" + workRequest);

        Assert.Equal("ACCEPTED", accepted.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, accepted.GetProperty("timeStarted").ValueKind);
        Assert.Equal("IN_PROGRESS", inProgress.GetProperty("status").GetString());
        Assert.Equal(50, inProgress.GetProperty("percentComplete").GetDouble());
        Assert.Equal("SUCCEEDED", succeeded.GetProperty("status").GetString());
        Assert.Equal(100, succeeded.GetProperty("percentComplete").GetDouble());
        Assert.Equal("CopyVolumeBackup", succeeded.GetProperty("operationType").GetString());
        JsonElement resource = Assert.Single(succeeded.GetProperty("resources").EnumerateArray());
        Assert.Equal(copy, resource.GetProperty("identifier").GetString());
        Assert.Equal("CREATED", resource.GetProperty("actionType").GetString());
        Assert.Equal("2026-11-23T09:06:17.000Z", succeeded.GetProperty("timeFinished").GetString());
        await OperationsTests.AssertErrorAsync(await emulator.GetAsync("/workRequests/" + workRequest, region: Phoenix), 404, "NotAuthorizedOrNotFound");
    }

    [Fact]
    public async Task A_faulty_copy_fails_its_work_request()
    {
        await using TestEmulator emulator = await StartAsync();
        string source = await AvailableBackupAsync(emulator);
        emulator.Host.Faults = new FaultSettings { FaultyBackupShare = 1 };
        using HttpResponseMessage response = await CopyAsync(emulator, source, "{\"destinationRegion\":\"us-phoenix-1\"}");
        string copy = (await TestEmulator.JsonAsync(response)).GetProperty("id").GetString()!;
        emulator.Clock.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal("FAULTY", (await emulator.GetJsonAsync("/volumeBackups/" + copy, Phoenix)).GetProperty("lifecycleState").GetString());
        Assert.Equal("FAILED", (await emulator.GetJsonAsync("/workRequests/" + TestEmulator.Header(response, "opc-work-request-id"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Group_backup_copy_copies_every_member_into_the_destination()
    {
        await using TestEmulator emulator = await StartAsync();
        JsonElement source = await TestEmulator.JsonAsync(await emulator.CreateVolumeGroupBackupAsync(extra: "\"displayName\":\"weekly\",\"freeformTags\":{\"backup\":\"weekly\"}"));
        string sourceId = source.GetProperty("id").GetString()!;
        string[] sourceMembers = source.GetProperty("volumeBackupIds").EnumerateArray().Select(m => m.GetString()!).ToArray();
        await OperationsTests.AssertErrorAsync(await CopyAsync(emulator, sourceId, "{\"destinationRegion\":\"us-phoenix-1\"}", kind: "volumeGroupBackups"), 409, "IncorrectState");
        emulator.Clock.Advance(TimeSpan.FromSeconds(10));

        using HttpResponseMessage response = await CopyAsync(emulator, sourceId, "{\"destinationRegion\":\"us-phoenix-1\"}", "group-copy", kind: "volumeGroupBackups");
        JsonElement copy = await TestEmulator.JsonAsync(response);
        string copyId = copy.GetProperty("id").GetString()!;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Null(TestEmulator.Header(response, "opc-work-request-id"));
        Assert.StartsWith("ocid1.volumegroupbackup.oc1.us-phoenix-1.", copyId, StringComparison.Ordinal);
        Assert.Equal(sourceId, copy.GetProperty("sourceVolumeGroupBackupId").GetString());
        Assert.Equal("weekly", copy.GetProperty("freeformTags").GetProperty("backup").GetString());
        Assert.Equal("weekly", copy.GetProperty("displayName").GetString());
        var memberSources = new List<string>();
        foreach (JsonElement member in copy.GetProperty("volumeBackupIds").EnumerateArray())
        {
            memberSources.Add((await emulator.GetJsonAsync("/volumeBackups/" + member.GetString(), Phoenix)).GetProperty("sourceVolumeBackupId").GetString()!);
        }

        Assert.Equal(sourceMembers.Order(), memberSources.Order());
        Assert.Equal(copyId, await TestEmulator.IdAsync(CopyAsync(emulator, sourceId, "{\"destinationRegion\":\"us-phoenix-1\"}", "group-copy", kind: "volumeGroupBackups")));
        await OperationsTests.AssertErrorAsync(await emulator.DeleteAsync("/volumeGroupBackups/" + sourceId), 409, "IncorrectState");
        emulator.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal("AVAILABLE", (await emulator.GetJsonAsync("/volumeGroupBackups/" + copyId, Phoenix)).GetProperty("lifecycleState").GetString());
        Assert.Equal(1, emulator.Host.Statistics.CopiesMade(sourceId));
        Assert.All(sourceMembers, m => Assert.Equal(1, emulator.Host.Statistics.CopiesMade(m)));
        JsonElement state = await emulator.AdminJsonAsync("/state");
        Assert.Equal(1, state.GetProperty("volumeGroupBackupCopiesMade").GetInt64());
        Assert.Equal(sourceMembers.Length, state.GetProperty("volumeBackupCopiesMade").GetInt64());
    }
}
