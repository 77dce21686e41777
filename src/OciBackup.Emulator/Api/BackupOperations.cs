using Microsoft.AspNetCore.Http;
using OciBackup.Emulator.Inventory;
using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator.Api;

/// <summary>
/// The backup operations of the Core API on the store, in the region whose endpoint was called: create, get, list,
/// delete and copy, for volume backups and volume group backups, and the work requests of copies. HTTP concerns stay
/// in the middleware.
/// </summary>
internal sealed class BackupOperations
{
    private static readonly ListShape<VolumeBackup> VolumeBackupShape =
        new(b => b.DisplayName, b => b.Timeline.RequestReceived, b => b.Sequence, ResourceJson.VolumeBackup);

    private static readonly ListShape<VolumeGroupBackup> VolumeGroupBackupShape =
        new(b => b.DisplayName, b => b.Timeline.RequestReceived, b => b.Sequence, ResourceJson.VolumeGroupBackup);

    private readonly BackupStore _store;
    private readonly EmulatorClock _clock;
    private readonly int _defaultPageSize;

    public BackupOperations(BackupStore store, EmulatorClock clock, int defaultPageSize)
    {
        _store = store;
        _clock = clock;
        _defaultPageSize = defaultPageSize;
    }

    public ApiResponse CreateVolumeBackup(string region, CreateVolumeBackupDetails details, string? retryToken) =>
        Made(_store.CreateVolumeBackup(region, details, retryToken), VolumeBackupResponse);

    public ApiResponse CreateVolumeGroupBackup(string region, CreateVolumeGroupBackupDetails details, string? retryToken) =>
        Made(_store.CreateVolumeGroupBackup(region, details, retryToken), VolumeGroupBackupResponse);

    /// <summary>The copy, as it is in the destination region, with the work request (in this region) that tracks it.</summary>
    public ApiResponse CopyVolumeBackup(string region, string id, CopyBackupDetails details, string? retryToken) =>
        Made(_store.CopyVolumeBackup(region, id, details, retryToken), copy => VolumeBackupResponse(copy).WithWorkRequest(copy.WorkRequestId));

    public ApiResponse CopyVolumeGroupBackup(string region, string id, CopyBackupDetails details, string? retryToken) =>
        Made(_store.CopyVolumeGroupBackup(region, id, details, retryToken), VolumeGroupBackupResponse);

    public ApiResponse DeleteVolumeBackup(string region, string id, string? ifMatch) =>
        _store.DeleteVolumeBackup(region, id, ifMatch) is { } refused ? refused : ApiResponse.NoContent().MarkedPerformed();

    public ApiResponse DeleteVolumeGroupBackup(string region, string id, string? ifMatch) =>
        _store.DeleteVolumeGroupBackup(region, id, ifMatch) is { } refused ? refused : ApiResponse.NoContent().MarkedPerformed();

    public ApiResponse GetVolumeBackup(string region, string id) =>
        _store.FindVolumeBackup(region, id) is { } backup ? VolumeBackupResponse(backup) : ApiError.NotFound();

    public ApiResponse GetVolumeGroupBackup(string region, string id) =>
        _store.FindVolumeGroupBackup(region, id) is { } backup ? VolumeGroupBackupResponse(backup) : ApiError.NotFound();

    public ApiResponse GetWorkRequest(string region, string id) =>
        _store.FindWorkRequest(region, id) is { } request
            ? ApiResponse.Ok(ResourceJson.Write(request, _clock.UtcNow, WorkRequestJson.WorkRequest))
            : ApiError.NotFound();

    /// <summary>ListVolumeBackups: volumeId, sourceVolumeBackupId (finds the copies of a backup), displayName, lifecycleState.</summary>
    public ApiResponse ListVolumeBackups(string region, IQueryCollection query)
    {
        if (ListQuery.TryParse(query, _defaultPageSize, ListRules.VolumeBackups, out ListQuery? list) is { } error)
        {
            return error;
        }

        string? volumeId = ListQuery.Single(query, "volumeId");
        string? sourceId = ListQuery.Single(query, "sourceVolumeBackupId");
        DateTimeOffset now = _clock.UtcNow;
        IEnumerable<VolumeBackup> items = _store.VolumeBackupsIn(region, list!.CompartmentId!)
            .Where(b => (volumeId is null || b.Volume.Id == volumeId)
                && (sourceId is null || b.SourceBackupId == sourceId)
                && (list.Name is null || b.DisplayName == list.Name)
                && (list.LifecycleState is null || b.LifecycleState(now) == list.LifecycleState));
        return ListPage.Of(list, list.Hash(volumeId, sourceId), items, VolumeBackupShape, now);
    }

    /// <summary>ListVolumeGroupBackups: volumeGroupId and displayName (it has no lifecycleState or source filter).</summary>
    public ApiResponse ListVolumeGroupBackups(string region, IQueryCollection query)
    {
        if (ListQuery.TryParse(query, _defaultPageSize, ListRules.VolumeGroupBackups, out ListQuery? list) is { } error)
        {
            return error;
        }

        string? groupId = ListQuery.Single(query, "volumeGroupId");
        IEnumerable<VolumeGroupBackup> items = _store.VolumeGroupBackupsIn(region, list!.CompartmentId!)
            .Where(b => (groupId is null || b.VolumeGroup.Id == groupId) && (list.Name is null || b.DisplayName == list.Name));
        return ListPage.Of(list, list.Hash(groupId), items, VolumeGroupBackupShape, _clock.UtcNow);
    }

    private ApiResponse VolumeBackupResponse(VolumeBackup backup)
    {
        DateTimeOffset now = _clock.UtcNow;
        return ApiResponse.Ok(ResourceJson.Write(backup, now, ResourceJson.VolumeBackup), ETag.For(backup.Id, backup.LifecycleState(now)));
    }

    private ApiResponse VolumeGroupBackupResponse(VolumeGroupBackup backup)
    {
        DateTimeOffset now = _clock.UtcNow;
        return ApiResponse.Ok(ResourceJson.Write(backup, now, ResourceJson.VolumeGroupBackup), ETag.For(backup.Id, backup.LifecycleState(now)));
    }

    /// <summary>A create's answer: the resource (a new one marks the response as a performed write), or the refusal.</summary>
    internal static ApiResponse Made<T>(CreateOutcome<T> outcome, Func<T, ApiResponse> respond)
        where T : class
    {
        if (outcome.Error is not null)
        {
            return outcome.Error;
        }

        ApiResponse response = respond(outcome.Resource!);
        return outcome.IsReplay ? response : response.MarkedPerformed();
    }
}
