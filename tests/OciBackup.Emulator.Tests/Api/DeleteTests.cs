using System.Text.Json;
using OciBackup.Emulator.Tests.Regions;
using OciBackup.Emulator.Tests.TestSupport;

namespace OciBackup.Emulator.Tests.Api;

/// <summary>DeleteVolumeBackup and DeleteVolumeGroupBackup: 204, TERMINATING, TERMINATED, then gone; if-match; 409s.</summary>
public sealed class DeleteTests
{
    private static Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null) => TestEmulator.StartAsync(o =>
    {
        o.BackupDuration = TimeSpan.FromSeconds(10);
        o.DeleteDuration = TimeSpan.FromSeconds(5);
        o.TerminatedRetention = TimeSpan.FromMinutes(30);
        configure?.Invoke(o);
    });

    private static async Task<string> AvailableBackupAsync(TestEmulator emulator)
    {
        string id = await TestEmulator.IdAsync(emulator.CreateVolumeBackupAsync());
        emulator.Clock.Advance(TimeSpan.FromSeconds(10));
        return id;
    }

    private static async Task<string> StateAsync(TestEmulator emulator, string path) =>
        (await emulator.GetJsonAsync(path)).GetProperty("lifecycleState").GetString()!;

    [Fact]
    public async Task Delete_answers_204_and_the_backup_goes_terminating_terminated_then_404()
    {
        await using TestEmulator emulator = await StartAsync();
        string id = await AvailableBackupAsync(emulator);

        using HttpResponseMessage delete = await emulator.DeleteAsync("/volumeBackups/" + id, requestId: "del-1");

        Assert.Equal(204, (int)delete.StatusCode);
        Assert.Empty(await delete.Content.ReadAsByteArrayAsync());
        Assert.Equal("del-1", TestEmulator.Header(delete, "opc-request-id"));
        Assert.Equal("TERMINATING", await StateAsync(emulator, "/volumeBackups/" + id));
        emulator.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("TERMINATED", await StateAsync(emulator, "/volumeBackups/" + id));
        JsonElement listed = await emulator.GetJsonAsync("/volumeBackups?compartmentId=" + emulator.CompartmentId + "&lifecycleState=TERMINATED");
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString());

        emulator.Clock.Advance(TimeSpan.FromMinutes(30));
        await OperationsTests.AssertErrorAsync(await emulator.GetAsync("/volumeBackups/" + id), 404, "NotAuthorizedOrNotFound");
        Assert.Equal(0, (await emulator.GetJsonAsync("/volumeBackups?compartmentId=" + emulator.CompartmentId)).GetArrayLength());
        Assert.Equal(1, emulator.Host.Statistics.DeletesOf(id));
    }

    [Fact]
    public async Task A_backup_still_being_created_is_409_and_stays()
    {
        await using TestEmulator emulator = await StartAsync();
        string id = await TestEmulator.IdAsync(emulator.CreateVolumeBackupAsync());

        await OperationsTests.AssertErrorAsync(await emulator.DeleteAsync("/volumeBackups/" + id), 409, "IncorrectState");
        emulator.Clock.Advance(TimeSpan.FromSeconds(5));
        await OperationsTests.AssertErrorAsync(await emulator.DeleteAsync("/volumeBackups/" + id), 409, "IncorrectState");

        Assert.Equal("CREATING", await StateAsync(emulator, "/volumeBackups/" + id));
        Assert.Equal(0, emulator.Host.Statistics.DeletesOf(id));
    }

    [Fact]
    public async Task A_faulty_backup_can_be_deleted()
    {
        await using TestEmulator emulator = await StartAsync(o => o.Faults = new FaultSettings { FaultyBackupShare = 1 });
        string id = await AvailableBackupAsync(emulator);
        Assert.Equal("FAULTY", await StateAsync(emulator, "/volumeBackups/" + id));

        using HttpResponseMessage delete = await emulator.DeleteAsync("/volumeBackups/" + id);

        Assert.Equal(204, (int)delete.StatusCode);
    }

    [Fact]
    public async Task If_match_with_a_stale_etag_is_412_and_with_the_current_one_deletes()
    {
        await using TestEmulator emulator = await StartAsync();
        using HttpResponseMessage created = await emulator.CreateVolumeBackupAsync();
        string id = (await TestEmulator.JsonAsync(created)).GetProperty("id").GetString()!;
        string staleEtag = TestEmulator.Header(created, "etag")!;
        emulator.Clock.Advance(TimeSpan.FromSeconds(10));
        using HttpResponseMessage current = await emulator.GetAsync("/volumeBackups/" + id);

        await OperationsTests.AssertErrorAsync(await emulator.DeleteAsync("/volumeBackups/" + id, ifMatch: staleEtag), 412, "NoEtagMatch");
        Assert.Equal("AVAILABLE", await StateAsync(emulator, "/volumeBackups/" + id));
        using HttpResponseMessage delete = await emulator.DeleteAsync("/volumeBackups/" + id, ifMatch: TestEmulator.Header(current, "etag"));

        Assert.Equal(204, (int)delete.StatusCode);
    }

    [Fact]
    public async Task Deleting_again_is_409_while_terminating_and_404_once_terminated()
    {
        await using TestEmulator emulator = await StartAsync();
        string id = await AvailableBackupAsync(emulator);
        using HttpResponseMessage first = await emulator.DeleteAsync("/volumeBackups/" + id);

        await OperationsTests.AssertErrorAsync(await emulator.DeleteAsync("/volumeBackups/" + id), 409, "IncorrectState");
        emulator.Clock.Advance(TimeSpan.FromSeconds(5));
        await OperationsTests.AssertErrorAsync(await emulator.DeleteAsync("/volumeBackups/" + id), 404, "NotAuthorizedOrNotFound");
        Assert.Equal(1, emulator.Host.Statistics.DeletesOf(id));
    }

    [Fact]
    public async Task Unknown_backup_or_another_regions_is_404()
    {
        await using TestEmulator emulator = await MultiRegionTests.StartTwoRegionsAsync();
        string id = await TestEmulator.IdAsync(emulator.CreateVolumeBackupAsync());
        emulator.Clock.Advance(TimeSpan.FromMinutes(1));

        await OperationsTests.AssertErrorAsync(await emulator.DeleteAsync("/volumeBackups/" + id, region: MultiRegionTests.Phoenix), 404, "NotAuthorizedOrNotFound");
        await OperationsTests.AssertErrorAsync(await emulator.DeleteAsync("/volumeBackups/ocid1.volumebackup.oc1.iad.nosuch"), 404, "NotAuthorizedOrNotFound");
        await OperationsTests.AssertErrorAsync(await emulator.DeleteAsync("/volumeGroupBackups/ocid1.volumegroupbackup.oc1.iad.nosuch"), 404, "NotAuthorizedOrNotFound");
        Assert.Equal("AVAILABLE", await StateAsync(emulator, "/volumeBackups/" + id));
    }

    [Fact]
    public async Task Deleting_a_group_backup_deletes_its_member_backups()
    {
        await using TestEmulator emulator = await StartAsync();
        JsonElement group = await TestEmulator.JsonAsync(await emulator.CreateVolumeGroupBackupAsync());
        string id = group.GetProperty("id").GetString()!;
        string[] members = group.GetProperty("volumeBackupIds").EnumerateArray().Select(m => m.GetString()!).ToArray();

        await OperationsTests.AssertErrorAsync(await emulator.DeleteAsync("/volumeGroupBackups/" + id), 409, "IncorrectState");
        emulator.Clock.Advance(TimeSpan.FromSeconds(10));
        using HttpResponseMessage delete = await emulator.DeleteAsync("/volumeGroupBackups/" + id);

        Assert.Equal(204, (int)delete.StatusCode);
        Assert.Equal("TERMINATING", await StateAsync(emulator, "/volumeGroupBackups/" + id));
        foreach (string member in members)
        {
            Assert.Equal("TERMINATING", await StateAsync(emulator, "/volumeBackups/" + member));
            Assert.Equal(1, emulator.Host.Statistics.DeletesOf(member));
        }

        emulator.Clock.Advance(TimeSpan.FromHours(1));
        await OperationsTests.AssertErrorAsync(await emulator.GetAsync("/volumeGroupBackups/" + id), 404, "NotAuthorizedOrNotFound");
        await OperationsTests.AssertErrorAsync(await emulator.GetAsync("/volumeBackups/" + members[0]), 404, "NotAuthorizedOrNotFound");
    }

    [Fact]
    public async Task A_member_backup_cannot_be_deleted_on_its_own()
    {
        await using TestEmulator emulator = await StartAsync();
        JsonElement group = await TestEmulator.JsonAsync(await emulator.CreateVolumeGroupBackupAsync());
        string member = group.GetProperty("volumeBackupIds")[0].GetString()!;
        emulator.Clock.Advance(TimeSpan.FromSeconds(10));

        JsonElement error = await OperationsTests.AssertErrorAsync(await emulator.DeleteAsync("/volumeBackups/" + member), 409, "IncorrectState");

        Assert.Contains(group.GetProperty("id").GetString()!, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("AVAILABLE", await StateAsync(emulator, "/volumeBackups/" + member));
    }

    [Fact]
    public async Task Deletes_are_counted_by_operation_and_in_the_admin_state()
    {
        await using TestEmulator emulator = await StartAsync();
        string id = await AvailableBackupAsync(emulator);
        await emulator.DeleteAsync("/volumeBackups/" + id);
        await emulator.DeleteAsync("/volumeBackups/" + id);

        JsonElement state = await emulator.AdminJsonAsync("/state");
        JsonElement counts = await emulator.AdminJsonAsync("/backups/" + id);

        Assert.Equal(2, state.GetProperty("requestsByOperation").GetProperty("DeleteVolumeBackup").GetInt64());
        Assert.Equal(1, state.GetProperty("volumeBackupsDeleted").GetInt64());
        Assert.Equal(1, state.GetProperty("backups").GetProperty(id).GetProperty("deletes").GetInt64());
        Assert.Equal("TERMINATING", counts.GetProperty("lifecycleState").GetString());
        Assert.Equal("volumeBackup", counts.GetProperty("kind").GetString());
    }
}
