using System.Text.Json;

namespace OciBackup.Emulator.Tests.Huawei;

public class VbsApiTests
{
    [Fact]
    public async Task A_create_answers_a_job_that_runs_then_succeeds_with_its_backup()
    {
        await using HuaweiScene scene = await HuaweiScene.StartAsync();

        (int status, JsonElement created) = await HuaweiScene.ReadAsync(scene.VbsAsync(HttpMethod.Post, "/v2/cloudbackups",
            $"{{\"backup\":{{\"volume_id\":\"{scene.VolumeId}\",\"name\":\"nightly-01\",\"description\":\"before upgrade\",\"tags\":[{{\"key\":\"env\",\"value\":\"prod\"}}]}}}}"));
        string jobId = created.GetProperty("job_id").GetString()!;
        (_, JsonElement init) = await HuaweiScene.ReadAsync(scene.VbsAsync(HttpMethod.Get, "/v1/jobs/" + jobId));
        scene.Emulator.Clock.Advance(TimeSpan.FromSeconds(1));
        (_, JsonElement running) = await HuaweiScene.ReadAsync(scene.VbsAsync(HttpMethod.Get, "/v1/jobs/" + jobId));
        scene.Emulator.Clock.Advance(TimeSpan.FromSeconds(10));
        (_, JsonElement done) = await HuaweiScene.ReadAsync(scene.VbsAsync(HttpMethod.Get, "/v1/jobs/" + jobId));
        string backupId = done.GetProperty("entities").GetProperty("backup_id").GetString()!;
        (_, JsonElement backup) = await HuaweiScene.ReadAsync(scene.VbsAsync(HttpMethod.Get, "/v2/backups/" + backupId));

        Assert.Equal(200, status);
        Assert.Equal("INIT", init.GetProperty("status").GetString());
        Assert.False(init.GetProperty("entities").TryGetProperty("backup_id", out _));
        Assert.Equal("RUNNING", running.GetProperty("status").GetString());
        Assert.Equal("SUCCESS", done.GetProperty("status").GetString());
        Assert.Equal("bksCreateBackup", done.GetProperty("job_type").GetString());
        Assert.Equal("available", backup.GetProperty("backup").GetProperty("status").GetString());
        Assert.Equal("nightly-01", backup.GetProperty("backup").GetProperty("name").GetString());
        Assert.Equal(scene.VolumeId, backup.GetProperty("backup").GetProperty("volume_id").GetString());
        Assert.Equal(1, scene.Side.VolumeBackupsCreated(scene.VolumeId));
    }

    [Fact]
    public async Task A_failing_job_says_why_and_leaves_its_backup_in_error()
    {
        await using HuaweiScene scene = await HuaweiScene.StartAsync(o => o.Faults = new FaultSettings { FaultyBackupShare = 1 });
        (_, JsonElement created) = await HuaweiScene.ReadAsync(scene.VbsAsync(HttpMethod.Post, "/v2/cloudbackups", $"{{\"backup\":{{\"volume_id\":\"{scene.VolumeId}\",\"name\":\"doomed\"}}}}"));
        scene.Emulator.Clock.Advance(TimeSpan.FromSeconds(11));

        (_, JsonElement job) = await HuaweiScene.ReadAsync(scene.VbsAsync(HttpMethod.Get, "/v1/jobs/" + created.GetProperty("job_id").GetString()));
        (_, JsonElement backup) = await HuaweiScene.ReadAsync(scene.VbsAsync(HttpMethod.Get, "/v2/backups/" + job.GetProperty("entities").GetProperty("backup_id").GetString()));

        Assert.Equal("FAIL", job.GetProperty("status").GetString());
        Assert.Contains("snapshot", job.GetProperty("fail_reason").GetString());
        Assert.Equal("error", backup.GetProperty("backup").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("\"name\":\"auto-nightly\"", "auto")]
    [InlineData("\"name\":\"has space\"", "name")]
    [InlineData("\"name\":\"ok\",\"description\":\"<b>\"", "description")]
    [InlineData("\"name\":\"ok\",\"tags\":[{\"key\":\"a=b\",\"value\":\"x\"}]", "tag key")]
    public async Task A_create_breaking_a_documented_rule_is_400_and_makes_nothing(string fields, string named)
    {
        await using HuaweiScene scene = await HuaweiScene.StartAsync();

        (int status, JsonElement error) = await HuaweiScene.ReadAsync(scene.VbsAsync(HttpMethod.Post, "/v2/cloudbackups", $"{{\"backup\":{{\"volume_id\":\"{scene.VolumeId}\",{fields}}}}}"));

        Assert.Equal(400, status);
        Assert.Equal("VBS.0001", error.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(named, error.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(0, scene.Side.VolumeBackupsCreated(scene.VolumeId));
    }

    [Fact]
    public async Task An_unknown_disk_is_404_in_vbss_error_shape()
    {
        await using HuaweiScene scene = await HuaweiScene.StartAsync();

        (int status, JsonElement error) = await HuaweiScene.ReadAsync(scene.VbsAsync(HttpMethod.Post, "/v2/cloudbackups", "{\"backup\":{\"volume_id\":\"00000000-0000-4000-8000-000000000000\",\"name\":\"x\"}}"));

        Assert.Equal(404, status);
        Assert.Equal("VBS.0007", error.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_list_finds_a_disks_backups_by_name_once_its_job_runs()
    {
        await using HuaweiScene scene = await HuaweiScene.StartAsync();
        await scene.VbsAsync(HttpMethod.Post, "/v2/cloudbackups", $"{{\"backup\":{{\"volume_id\":\"{scene.VolumeId}\",\"name\":\"wanted\"}}}}");
        await scene.VbsAsync(HttpMethod.Post, "/v2/cloudbackups", $"{{\"backup\":{{\"volume_id\":\"{scene.VolumeId}\",\"name\":\"other\"}}}}");
        string query = $"/v2/backups/detail?volume_id={scene.VolumeId}&name=wanted";

        (_, JsonElement before) = await HuaweiScene.ReadAsync(scene.VbsAsync(HttpMethod.Get, query));
        scene.Emulator.Clock.Advance(TimeSpan.FromSeconds(1));
        (_, JsonElement after) = await HuaweiScene.ReadAsync(scene.VbsAsync(HttpMethod.Get, query));

        Assert.Equal(0, before.GetProperty("backups").GetArrayLength());
        JsonElement found = Assert.Single(after.GetProperty("backups").EnumerateArray());
        Assert.Equal("wanted", found.GetProperty("name").GetString());
        Assert.Equal("creating", found.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_create_whose_response_is_dropped_or_answered_500_after_the_work_still_made_its_backup()
    {
        await using HuaweiScene scene = await HuaweiScene.StartAsync(o => o.Faults = new FaultSettings { DropResponseShare = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => scene.VbsAsync(HttpMethod.Post, "/v2/cloudbackups", $"{{\"backup\":{{\"volume_id\":\"{scene.VolumeId}\",\"name\":\"lost\"}}}}"));
        scene.Emulator.Host.Faults = new FaultSettings { ErrorAfterWriteShare = 1 };
        (int status, _) = await HuaweiScene.ReadAsync(scene.VbsAsync(HttpMethod.Post, "/v2/cloudbackups", $"{{\"backup\":{{\"volume_id\":\"{scene.VolumeId}\",\"name\":\"lost\"}}}}"));

        Assert.Equal(500, status);
        Assert.Equal(2, scene.Side.VolumeBackupsCreated(scene.VolumeId));
    }

    [Fact]
    public async Task Throttled_and_injected_5xx_requests_make_nothing()
    {
        await using HuaweiScene scene = await HuaweiScene.StartAsync(o => o.Faults = new FaultSettings { ServiceUnavailableShare = 1 });

        (int unavailable, JsonElement gateway) = await HuaweiScene.ReadAsync(scene.VbsAsync(HttpMethod.Post, "/v2/cloudbackups", $"{{\"backup\":{{\"volume_id\":\"{scene.VolumeId}\",\"name\":\"x\"}}}}"));
        scene.Emulator.Host.Faults = new FaultSettings { RateLimitPerSecond = 0.001 };
        await scene.VbsAsync(HttpMethod.Get, "/v2/backups/detail");
        using HttpResponseMessage throttled = await scene.VbsAsync(HttpMethod.Post, "/v2/cloudbackups", $"{{\"backup\":{{\"volume_id\":\"{scene.VolumeId}\",\"name\":\"x\"}}}}");

        Assert.Equal(503, unavailable);
        Assert.Equal("APIGW.0202", gateway.GetProperty("error_code").GetString());
        Assert.Equal(429, (int)throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter);
        Assert.Equal(0, scene.Side.VolumeBackupsCreated(scene.VolumeId));
    }

    [Fact]
    public async Task A_bad_signature_is_401_from_the_gateway_and_counted_by_reason()
    {
        await using HuaweiScene scene = await HuaweiScene.StartAsync();
        scene.Client.Credential = scene.Client.Credential with { SecretKey = "not-the-secret" };

        (int status, JsonElement error) = await HuaweiScene.ReadAsync(scene.VbsAsync(HttpMethod.Get, "/v2/backups/detail"));

        Assert.Equal(401, status);
        Assert.Equal("APIGW.0301", error.GetProperty("error_code").GetString());
        Assert.Equal(1, scene.Side.Statistics.AuthenticationFailuresByReason["BadSignature"]);
    }

    [Fact]
    public async Task Temporary_credentials_are_accepted_with_their_token()
    {
        await using HuaweiScene scene = await HuaweiScene.StartAsync();
        scene.Client.Credential = scene.Side.TemporaryCredential;

        (int status, _) = await HuaweiScene.ReadAsync(scene.VbsAsync(HttpMethod.Get, "/v2/backups/detail"));

        Assert.Equal(200, status);
    }
}
