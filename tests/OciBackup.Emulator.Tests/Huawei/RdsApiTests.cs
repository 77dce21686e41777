using System.Text.Json;

namespace OciBackup.Emulator.Tests.Huawei;

public class RdsApiTests
{
    [Fact]
    public async Task A_manual_backup_is_building_then_completed_and_listed_under_its_instance()
    {
        await using HuaweiScene scene = await HuaweiScene.StartAsync();

        (int status, JsonElement created) = await HuaweiScene.ReadAsync(scene.RdsAsync(HttpMethod.Post, "/backups", $"{{\"instance_id\":\"{scene.InstanceId}\",\"name\":\"before-upgrade\",\"description\":\"weekly\"}}"));
        string id = created.GetProperty("backup").GetProperty("id").GetString()!;
        (_, JsonElement building) = await HuaweiScene.ReadAsync(scene.RdsAsync(HttpMethod.Get, $"/backups?instance_id={scene.InstanceId}&backup_id={id}"));
        scene.Emulator.Clock.Advance(TimeSpan.FromSeconds(10));
        (_, JsonElement completed) = await HuaweiScene.ReadAsync(scene.RdsAsync(HttpMethod.Get, $"/backups?instance_id={scene.InstanceId}"));

        Assert.Equal(202, status);
        Assert.Equal("BUILDING", created.GetProperty("backup").GetProperty("status").GetString());
        Assert.Equal("BUILDING", building.GetProperty("backups")[0].GetProperty("status").GetString());
        JsonElement backup = Assert.Single(completed.GetProperty("backups").EnumerateArray());
        Assert.Equal("COMPLETED", backup.GetProperty("status").GetString());
        Assert.Equal("MySQL", backup.GetProperty("datastore").GetProperty("type").GetString());
        Assert.Equal(1, completed.GetProperty("total_count").GetInt32());
        Assert.Equal(1, scene.Side.RdsBackupsCreated(scene.InstanceId));
    }

    [Fact]
    public async Task A_name_is_unique_on_its_instance_but_not_across_instances()
    {
        await using HuaweiScene scene = await HuaweiScene.StartAsync();
        string body(string instance) => $"{{\"instance_id\":\"{instance}\",\"name\":\"nightly\"}}";
        await scene.RdsAsync(HttpMethod.Post, "/backups", body(scene.InstanceId));

        (int again, JsonElement error) = await HuaweiScene.ReadAsync(scene.RdsAsync(HttpMethod.Post, "/backups", body(scene.InstanceId)));
        (int other, _) = await HuaweiScene.ReadAsync(scene.RdsAsync(HttpMethod.Post, "/backups", body(scene.Side.InstanceIds[1])));

        Assert.Equal(400, again);
        Assert.Equal("DBS.280238", error.GetProperty("error_code").GetString());
        Assert.Contains("already exists", error.GetProperty("error_msg").GetString());
        Assert.Equal(202, other);
        Assert.Equal(1, scene.Side.RdsBackupsCreated(scene.InstanceId));
    }

    [Theory]
    [InlineData("abc", "name")]
    [InlineData("1-starts-with-a-digit", "name")]
    [InlineData("fine-name\",\"description\":\"a&b", "description")]
    public async Task A_create_breaking_a_documented_rule_is_400(string name, string named)
    {
        await using HuaweiScene scene = await HuaweiScene.StartAsync();

        (int status, JsonElement error) = await HuaweiScene.ReadAsync(scene.RdsAsync(HttpMethod.Post, "/backups", $"{{\"instance_id\":\"{scene.InstanceId}\",\"name\":\"{name}\"}}"));

        Assert.Equal(400, status);
        Assert.Equal("DBS.280001", error.GetProperty("error_code").GetString());
        Assert.Contains(named, error.GetProperty("error_msg").GetString());
    }

    [Fact]
    public async Task A_partial_backup_is_refused_on_mysql_and_taken_on_postgresql()
    {
        await using HuaweiScene scene = await HuaweiScene.StartAsync();
        string body(string instance) => $"{{\"instance_id\":\"{instance}\",\"name\":\"orders-only\",\"databases\":[{{\"name\":\"orders\"}}]}}";

        (int mysql, _) = await HuaweiScene.ReadAsync(scene.RdsAsync(HttpMethod.Post, "/backups", body(scene.InstanceId)));
        (int postgresql, _) = await HuaweiScene.ReadAsync(scene.RdsAsync(HttpMethod.Post, "/backups", body(scene.Side.InstanceIds[1])));

        Assert.Equal(400, mysql);
        Assert.Equal(202, postgresql);
    }

    [Fact]
    public async Task The_list_needs_an_instance_and_filters_by_time_window()
    {
        await using HuaweiScene scene = await HuaweiScene.StartAsync();
        await scene.RdsAsync(HttpMethod.Post, "/backups", $"{{\"instance_id\":\"{scene.InstanceId}\",\"name\":\"early\"}}");
        scene.Emulator.Clock.Advance(TimeSpan.FromHours(1));
        DateTimeOffset now = scene.Emulator.Clock.GetUtcNow();
        await scene.RdsAsync(HttpMethod.Post, "/backups", $"{{\"instance_id\":\"{scene.InstanceId}\",\"name\":\"late\"}}");
        string window = $"&begin_time={Uri.EscapeDataString(now.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss") + "+0000")}&end_time={Uri.EscapeDataString(now.AddMinutes(1).ToString("yyyy-MM-dd'T'HH:mm:ss") + "+0000")}";

        (int noInstance, _) = await HuaweiScene.ReadAsync(scene.RdsAsync(HttpMethod.Get, "/backups"));
        (_, JsonElement recent) = await HuaweiScene.ReadAsync(scene.RdsAsync(HttpMethod.Get, $"/backups?instance_id={scene.InstanceId}{window}"));

        Assert.Equal(400, noInstance);
        Assert.Equal("late", Assert.Single(recent.GetProperty("backups").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_admin_endpoint_counts_backups_per_disk_and_instance()
    {
        await using HuaweiScene scene = await HuaweiScene.StartAsync();
        await scene.RdsAsync(HttpMethod.Post, "/backups", $"{{\"instance_id\":\"{scene.InstanceId}\",\"name\":\"counted\"}}");
        await scene.VbsAsync(HttpMethod.Post, "/v2/cloudbackups", $"{{\"backup\":{{\"volume_id\":\"{scene.VolumeId}\",\"name\":\"counted\"}}}}");

        JsonElement state = await scene.Emulator.AdminJsonAsync("/huawei/state");
        JsonElement volume = await scene.Emulator.AdminJsonAsync($"/huawei/volumes/{scene.VolumeId}/backup-count");

        Assert.Equal(1, state.GetProperty("rdsBackupsCreated").GetProperty(scene.InstanceId).GetInt64());
        Assert.Equal(1, state.GetProperty("volumeBackupsCreated").GetProperty(scene.VolumeId).GetInt64());
        Assert.Equal(0, state.GetProperty("volumeBackupsCreated").GetProperty(scene.Side.VolumeIds[1]).GetInt64());
        Assert.Equal(1, volume.GetProperty("backupsCreated").GetInt64());
    }
}
