using System.Text.Json;
using System.Text.RegularExpressions;
using OciBackup.Emulator.Tests.TestSupport;

namespace OciBackup.Emulator.Tests.Api;

/// <summary>The operations of oci-api.md: shapes, status codes, error bodies and headers.</summary>
public sealed class OperationsTests
{
    private static readonly Regex Rfc3339Millis = new(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$");

    [Fact]
    public async Task Create_volume_backup_returns_the_backup_with_etag_and_request_id()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage response = await emulator.CreateVolumeBackupAsync(extra: "\"displayName\":\"nightly\",\"type\":\"FULL\",\"freeformTags\":{\"Department\":\"Finance\"},\"definedTags\":{\"Ops\":{\"Owner\":\"dba\"}}");
        JsonElement backup = await TestEmulator.JsonAsync(response);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", TestEmulator.ContentType(response)!.MediaType);
        Assert.False(string.IsNullOrEmpty(response.Headers.ETag?.Tag ?? TestEmulator.Header(response, "etag")));
        Assert.False(string.IsNullOrEmpty(TestEmulator.Header(response, "opc-request-id")));
        Assert.StartsWith("ocid1.volumebackup.oc1.us-ashburn-1.", backup.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(emulator.VolumeId, backup.GetProperty("volumeId").GetString());
        Assert.Equal(emulator.CompartmentId, backup.GetProperty("compartmentId").GetString());
        Assert.Equal("nightly", backup.GetProperty("displayName").GetString());
        Assert.Equal("FULL", backup.GetProperty("type").GetString());
        Assert.Equal("REQUEST_RECEIVED", backup.GetProperty("lifecycleState").GetString());
        Assert.Equal("MANUAL", backup.GetProperty("sourceType").GetString());
        Assert.Equal("Finance", backup.GetProperty("freeformTags").GetProperty("Department").GetString());
        Assert.Equal("dba", backup.GetProperty("definedTags").GetProperty("Ops").GetProperty("Owner").GetString());
        Assert.Matches(Rfc3339Millis, backup.GetProperty("timeCreated").GetString()!);
        Assert.Equal("2026-11-23T09:05:07.000Z", backup.GetProperty("timeRequestReceived").GetString());
        foreach (string size in new[] { "sizeInGBs", "sizeInMBs", "uniqueSizeInGBs", "uniqueSizeInMbs" })
        {
            Assert.Equal(JsonValueKind.Null, backup.GetProperty(size).ValueKind);
        }

        Assert.Equal(JsonValueKind.Null, backup.GetProperty("expirationTime").ValueKind);
    }

    [Fact]
    public async Task Type_defaults_to_incremental_and_display_name_is_generated()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        JsonElement backup = await TestEmulator.JsonAsync(await emulator.CreateVolumeBackupAsync());

        Assert.Equal("INCREMENTAL", backup.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(backup.GetProperty("displayName").GetString()));
    }

    [Fact]
    public async Task Get_volume_backup_returns_what_create_returned()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        JsonElement created = await TestEmulator.JsonAsync(await emulator.CreateVolumeBackupAsync());

        JsonElement fetched = await emulator.GetJsonAsync("/volumeBackups/" + created.GetProperty("id").GetString());

        Assert.Equal(created.GetRawText(), fetched.GetRawText());
    }

    [Fact]
    public async Task Volume_group_backup_creates_one_member_backup_per_volume()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        IReadOnlyList<string> volumes = emulator.Host.VolumeIdsOfGroup(emulator.VolumeGroupId);

        using HttpResponseMessage response = await emulator.CreateVolumeGroupBackupAsync(extra: "\"displayName\":\"weekly\",\"type\":\"FULL\"");
        JsonElement groupBackup = await TestEmulator.JsonAsync(response);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("ocid1.volumegroupbackup.", groupBackup.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(emulator.VolumeGroupId, groupBackup.GetProperty("volumeGroupId").GetString());
        Assert.Equal(JsonValueKind.Null, groupBackup.GetProperty("uniqueSizeInGbs").ValueKind);
        Assert.False(groupBackup.TryGetProperty("uniqueSizeInGBs", out _));
        string[] memberIds = groupBackup.GetProperty("volumeBackupIds").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(volumes.Count, memberIds.Length);
        var memberVolumes = new List<string>();
        foreach (string memberId in memberIds)
        {
            JsonElement member = await emulator.GetJsonAsync("/volumeBackups/" + memberId);
            memberVolumes.Add(member.GetProperty("volumeId").GetString()!);
            Assert.Equal("FULL", member.GetProperty("type").GetString());
        }

        Assert.Equal(volumes.OrderBy(v => v), memberVolumes.OrderBy(v => v));
        Assert.All(volumes, v => Assert.Equal(1, emulator.Host.Statistics.VolumeBackupsCreated(v)));
        Assert.Equal(1, emulator.Host.Statistics.VolumeGroupBackupsCreated(emulator.VolumeGroupId));
        JsonElement fetched = await emulator.GetJsonAsync("/volumeGroupBackups/" + groupBackup.GetProperty("id").GetString());
        Assert.Equal(groupBackup.GetRawText(), fetched.GetRawText());
    }

    [Fact]
    public async Task Group_backup_goes_to_the_given_compartment_or_the_groups()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        const string other = "ocid1.compartment.oc1..aaaaaaaaother";

        JsonElement inGroups = await TestEmulator.JsonAsync(await emulator.CreateVolumeGroupBackupAsync());
        JsonElement inOther = await TestEmulator.JsonAsync(await emulator.CreateVolumeGroupBackupAsync(extra: $"\"compartmentId\":\"{other}\""));

        Assert.Equal(emulator.CompartmentId, inGroups.GetProperty("compartmentId").GetString());
        Assert.Equal(other, inOther.GetProperty("compartmentId").GetString());
    }

    [Fact]
    public async Task Volumes_and_volume_groups_are_served_with_tags_and_members()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        JsonElement volume = await emulator.GetJsonAsync("/volumes/" + emulator.VolumeId);
        JsonElement group = await emulator.GetJsonAsync("/volumeGroups/" + emulator.VolumeGroupId);
        JsonElement volumes = await emulator.GetJsonAsync("/volumes?compartmentId=" + emulator.CompartmentId);
        JsonElement groups = await emulator.GetJsonAsync("/volumeGroups?compartmentId=" + emulator.CompartmentId);

        Assert.Equal(emulator.VolumeId, volume.GetProperty("id").GetString());
        Assert.Equal("AVAILABLE", volume.GetProperty("lifecycleState").GetString());
        Assert.Equal("emulator", volume.GetProperty("freeformTags").GetProperty("Environment").GetString());
        Assert.Equal(emulator.Host.VolumeIdsOfGroup(emulator.VolumeGroupId), group.GetProperty("volumeIds").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(emulator.Compartment.VolumeIds.Count, volumes.GetArrayLength());
        Assert.Equal(1, groups.GetArrayLength());
    }

    [Theory]
    [InlineData("/volumeBackups/ocid1.volumebackup.oc1.iad.nosuch")]
    [InlineData("/volumeGroupBackups/ocid1.volumegroupbackup.oc1.iad.nosuch")]
    [InlineData("/volumes/ocid1.volume.oc1.iad.nosuch")]
    [InlineData("/volumeGroups/ocid1.volumegroup.oc1.iad.nosuch")]
    public async Task Unknown_resource_is_404_not_authorized_or_not_found(string path)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage response = await emulator.GetAsync(path);

        await AssertErrorAsync(response, 404, "NotAuthorizedOrNotFound");
    }

    [Fact]
    public async Task Backup_of_unknown_volume_or_group_is_404_and_creates_nothing()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        await AssertErrorAsync(await emulator.CreateVolumeBackupAsync("ocid1.volume.oc1.iad.nosuch"), 404, "NotAuthorizedOrNotFound");
        await AssertErrorAsync(await emulator.CreateVolumeGroupBackupAsync("ocid1.volumegroup.oc1.iad.nosuch"), 404, "NotAuthorizedOrNotFound");
        Assert.Equal(0, emulator.Host.Statistics.TotalVolumeBackups);
    }

    [Theory]
    [InlineData("{}", "volumeId")]
    [InlineData("{\"volumeId\":null}", "volumeId")]
    [InlineData("{\"volumeId\":42}", "volumeId")]
    [InlineData("{\"volumeId\":\"\"}", "volumeId")]
    [InlineData("{\"volumeId\":\"V\",\"type\":\"DIFFERENTIAL\"}", "type")]
    [InlineData("{\"volumeId\":\"V\",\"displayName\":\"\"}", "displayName")]
    [InlineData("{\"volumeId\":\"V\",\"kmsKeyId\":[]}", "kmsKeyId")]
    [InlineData("{\"volumeId\":\"V\",\"freeformTags\":{\"a\":1}}", "freeformTags")]
    [InlineData("{\"volumeId\":\"V\",\"freeformTags\":[]}", "freeformTags")]
    [InlineData("{\"volumeId\":\"V\",\"definedTags\":{\"ns\":{\"k\":true}}}", "definedTags")]
    [InlineData("{\"volumeId\":\"V\",\"definedTags\":{\"ns\":\"k\"}}", "definedTags")]
    public async Task Invalid_create_volume_backup_body_is_400_naming_the_field(string body, string field)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage response = await emulator.PostAsync("/volumeBackups", body.Replace("\"V\"", "\"" + emulator.VolumeId + "\""));
        JsonElement error = await AssertErrorAsync(response, 400, "InvalidParameter");

        Assert.StartsWith(field, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, emulator.Host.Statistics.TotalVolumeBackups);
    }

    [Fact]
    public async Task Display_name_longer_than_255_is_invalid()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage at = await emulator.CreateVolumeBackupAsync(extra: $"\"displayName\":\"{new string('a', 255)}\"");
        using HttpResponseMessage over = await emulator.CreateVolumeBackupAsync(extra: $"\"displayName\":\"{new string('a', 256)}\"");

        Assert.Equal(200, (int)at.StatusCode);
        await AssertErrorAsync(over, 400, "InvalidParameter");
    }

    [Theory]
    [InlineData("{}", "volumeGroupId")]
    [InlineData("{\"volumeGroupId\":\"G\",\"compartmentId\":7}", "compartmentId")]
    [InlineData("{\"volumeGroupId\":\"G\",\"type\":\"full\"}", "type")]
    public async Task Invalid_create_volume_group_backup_body_is_400_naming_the_field(string body, string field)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage response = await emulator.PostAsync("/volumeGroupBackups", body.Replace("\"G\"", "\"" + emulator.VolumeGroupId + "\""));
        JsonElement error = await AssertErrorAsync(response, 400, "InvalidParameter");

        Assert.StartsWith(field, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"volumeId\":")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("")]
    public async Task Malformed_body_is_400_cannot_parse_request(string body)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        await AssertErrorAsync(await emulator.PostAsync("/volumeBackups", body), 400, "CannotParseRequest");
    }

    [Fact]
    public async Task Retry_token_longer_than_64_is_invalid()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        JsonElement error = await AssertErrorAsync(await emulator.CreateVolumeBackupAsync(retryToken: new string('t', 65)), 400, "InvalidParameter");

        Assert.StartsWith("opc-retry-token", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_of_a_volume_that_is_not_available_is_409_incorrect_state()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(options => options.Seed = new OciBackup.Emulator.Inventory.EmulatorSeed
        {
            Compartments = { new OciBackup.Emulator.Inventory.SeedCompartment { Name = "c", Volumes = { new OciBackup.Emulator.Inventory.SeedVolume { DisplayName = "busy", LifecycleState = "PROVISIONING" } } } },
        });

        await AssertErrorAsync(await emulator.CreateVolumeBackupAsync(), 409, "IncorrectState");
    }

    [Fact]
    public async Task Client_request_id_is_echoed_and_a_request_id_is_generated_otherwise()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage echoed = await emulator.GetAsync("/volumes/" + emulator.VolumeId, requestId: "my-id-123");
        using HttpResponseMessage generated1 = await emulator.GetAsync("/volumes/" + emulator.VolumeId);
        using HttpResponseMessage generated2 = await emulator.GetAsync("/volumes/" + emulator.VolumeId);

        Assert.Equal("my-id-123", TestEmulator.Header(echoed, "opc-request-id"));
        Assert.NotEqual(TestEmulator.Header(generated1, "opc-request-id"), TestEmulator.Header(generated2, "opc-request-id"));
    }

    [Fact]
    public async Task Etag_changes_when_the_backup_changes_state()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        string id = (await TestEmulator.JsonAsync(await emulator.CreateVolumeBackupAsync())).GetProperty("id").GetString()!;

        using HttpResponseMessage before = await emulator.GetAsync("/volumeBackups/" + id);
        using HttpResponseMessage same = await emulator.GetAsync("/volumeBackups/" + id);
        emulator.Clock.Advance(TimeSpan.FromMinutes(1));
        using HttpResponseMessage after = await emulator.GetAsync("/volumeBackups/" + id);

        Assert.Equal(TestEmulator.Header(before, "etag"), TestEmulator.Header(same, "etag"));
        Assert.NotEqual(TestEmulator.Header(before, "etag"), TestEmulator.Header(after, "etag"));
    }

    [Fact]
    public async Task Unserved_method_and_path_are_404_after_authentication()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage update = await emulator.Http.SendAsync(
            emulator.Signer.Sign(HttpMethod.Put, emulator.Api("/volumeBackups/x"), "{}", emulator.Clock.GetUtcNow()));
        using HttpResponseMessage other = await emulator.Http.GetAsync(new Uri(emulator.Host.BaseAddress, "somewhere"));

        await AssertErrorAsync(update, 404, "NotAuthorizedOrNotFound");
        await AssertErrorAsync(other, 404, "NotAuthorizedOrNotFound");
        Assert.Equal(1, emulator.Host.Statistics.AuthenticatedRequests);
    }

    internal static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, int status, string code)
    {
        JsonElement error = await TestEmulator.JsonAsync(response);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(TestEmulator.Header(response, "opc-request-id")));
        response.Dispose();
        return error;
    }
}
