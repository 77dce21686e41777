using Microsoft.AspNetCore.Http;
using OciBackup.Emulator.Inventory;
using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator.Api;

/// <summary>The ten operations of shared/reference/oci-api.md, on the store. HTTP concerns stay in the middleware.</summary>
internal sealed class OciOperations
{
    private static readonly string[] VolumeBackupStates = { "CREATING", "AVAILABLE", "TERMINATING", "TERMINATED", "FAULTY", "REQUEST_RECEIVED" };
    private static readonly string[] VolumeGroupBackupStates = { "CREATING", "COMMITTED", "AVAILABLE", "TERMINATING", "TERMINATED", "FAULTY", "REQUEST_RECEIVED" };
    private static readonly string[] VolumeStates = { "PROVISIONING", "RESTORING", "AVAILABLE", "TERMINATING", "TERMINATED", "FAULTY" };
    private static readonly string[] VolumeGroupStates = { "PROVISIONING", "AVAILABLE", "TERMINATING", "TERMINATED", "FAULTY", "UPDATE_PENDING" };

    private readonly BackupStore _store;
    private readonly EmulatorClock _clock;
    private readonly int _defaultPageSize;

    public OciOperations(BackupStore store, EmulatorClock clock, int defaultPageSize)
    {
        _store = store;
        _clock = clock;
        _defaultPageSize = defaultPageSize;
    }

    public ApiResponse CreateVolumeBackup(CreateVolumeBackupDetails details, string? retryToken)
    {
        CreateOutcome<VolumeBackup> outcome = _store.CreateVolumeBackup(details, retryToken);
        if (outcome.Error is not null)
        {
            return outcome.Error;
        }

        ApiResponse response = VolumeBackupResponse(outcome.Resource!);
        return outcome.IsReplay ? response : AsCreated(response);
    }

    public ApiResponse CreateVolumeGroupBackup(CreateVolumeGroupBackupDetails details, string? retryToken)
    {
        CreateOutcome<VolumeGroupBackup> outcome = _store.CreateVolumeGroupBackup(details, retryToken);
        if (outcome.Error is not null)
        {
            return outcome.Error;
        }

        ApiResponse response = VolumeGroupBackupResponse(outcome.Resource!);
        return outcome.IsReplay ? response : AsCreated(response);
    }

    public ApiResponse GetVolumeBackup(string id)
    {
        VolumeBackup? backup = _store.FindVolumeBackup(id);
        return backup is null ? ApiError.NotFound() : VolumeBackupResponse(backup);
    }

    public ApiResponse GetVolumeGroupBackup(string id)
    {
        VolumeGroupBackup? backup = _store.FindVolumeGroupBackup(id);
        return backup is null ? ApiError.NotFound() : VolumeGroupBackupResponse(backup);
    }

    public ApiResponse GetVolume(string id)
    {
        Volume? volume = _store.FindVolume(id);
        if (volume is null)
        {
            return ApiError.NotFound();
        }

        return ApiResponse.Ok(ResourceJson.Write(volume, _clock.UtcNow, ResourceJson.Volume), ETag.For(volume.Id, volume.LifecycleState));
    }

    public ApiResponse GetVolumeGroup(string id)
    {
        VolumeGroup? group = _store.FindVolumeGroup(id);
        if (group is null)
        {
            return ApiError.NotFound();
        }

        return ApiResponse.Ok(ResourceJson.Write(group, _clock.UtcNow, ResourceJson.VolumeGroup), ETag.For(group.Id, group.LifecycleState));
    }

    public ApiResponse ListVolumeBackups(IQueryCollection query) =>
        ListBackups(query, VolumeBackupStates, "ListVolumeBackups", "volumeId", _store.VolumeBackupsIn, b => b.Volume.Id,
            b => b.DisplayName, (b, now) => b.LifecycleState(now), b => b.Timeline.RequestReceived, b => b.Sequence, ResourceJson.VolumeBackup);

    public ApiResponse ListVolumeGroupBackups(IQueryCollection query) =>
        ListBackups(query, VolumeGroupBackupStates, "ListVolumeGroupBackups", "volumeGroupId", _store.VolumeGroupBackupsIn, b => b.VolumeGroup.Id,
            b => b.DisplayName, (b, now) => b.LifecycleState(now), b => b.Timeline.RequestReceived, b => b.Sequence, ResourceJson.VolumeGroupBackup);

    /// <summary>Both backup lists: compartment, parent (volume or group), name and state filters, then a page.</summary>
    private ApiResponse ListBackups<T>(
        IQueryCollection query,
        IReadOnlyCollection<string> states,
        string operation,
        string parentParameter,
        Func<string, IEnumerable<T>> inCompartment,
        Func<T, string> parentId,
        Func<T, string> displayName,
        Func<T, DateTimeOffset, string> lifecycleState,
        Func<T, DateTimeOffset> requested,
        Func<T, long> sequence,
        Action<System.Text.Json.Utf8JsonWriter, T, DateTimeOffset> write)
    {
        ApiError? error = ListQuery.TryParse(query, _defaultPageSize, states, out ListQuery? list);
        if (error is not null)
        {
            return error;
        }

        string? parent = ListQuery.Single(query, parentParameter);
        DateTimeOffset now = _clock.UtcNow;
        IEnumerable<T> items = inCompartment(list!.CompartmentId)
            .Where(b => (parent is null || parentId(b) == parent)
                && (list.DisplayName is null || displayName(b) == list.DisplayName)
                && (list.LifecycleState is null || lifecycleState(b, now) == list.LifecycleState));
        uint hash = PageToken.HashQuery(operation, list.CompartmentId, parent, list.DisplayName, list.LifecycleState, list.SortBy, list.Descending ? "D" : "A");
        return Page(list, hash, items, displayName, requested, sequence, now, write);
    }

    public ApiResponse ListVolumes(IQueryCollection query)
    {
        ApiError? error = ListQuery.TryParse(query, _defaultPageSize, VolumeStates, out ListQuery? list);
        if (error is not null)
        {
            return error;
        }

        string? availabilityDomain = ListQuery.Single(query, "availabilityDomain");
        string? volumeGroupId = ListQuery.Single(query, "volumeGroupId");
        IEnumerable<Volume> items = _store.VolumesIn(list!.CompartmentId)
            .Where(v => (availabilityDomain is null || v.AvailabilityDomain == availabilityDomain)
                && (volumeGroupId is null || v.VolumeGroupId == volumeGroupId)
                && (list.DisplayName is null || v.DisplayName == list.DisplayName)
                && (list.LifecycleState is null || v.LifecycleState == list.LifecycleState));
        uint hash = PageToken.HashQuery("ListVolumes", list.CompartmentId, availabilityDomain, volumeGroupId, list.DisplayName, list.LifecycleState, list.SortBy, list.Descending ? "D" : "A");
        return Page(list, hash, items, v => v.DisplayName, v => v.TimeCreated, v => 0, _clock.UtcNow, ResourceJson.Volume);
    }

    public ApiResponse ListVolumeGroups(IQueryCollection query)
    {
        ApiError? error = ListQuery.TryParse(query, _defaultPageSize, VolumeGroupStates, out ListQuery? list);
        if (error is not null)
        {
            return error;
        }

        string? availabilityDomain = ListQuery.Single(query, "availabilityDomain");
        IEnumerable<VolumeGroup> items = _store.VolumeGroupsIn(list!.CompartmentId)
            .Where(g => (availabilityDomain is null || g.AvailabilityDomain == availabilityDomain)
                && (list.DisplayName is null || g.DisplayName == list.DisplayName)
                && (list.LifecycleState is null || g.LifecycleState == list.LifecycleState));
        uint hash = PageToken.HashQuery("ListVolumeGroups", list.CompartmentId, availabilityDomain, list.DisplayName, list.LifecycleState, list.SortBy, list.Descending ? "D" : "A");
        return Page(list, hash, items, g => g.DisplayName, g => g.TimeCreated, g => 0, _clock.UtcNow, ResourceJson.VolumeGroup);
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

    private static ApiResponse AsCreated(ApiResponse response) => response.MarkedCreated();

    private static ApiResponse Page<T>(ListQuery list, uint queryHash, IEnumerable<T> items, Func<T, string> name,
        Func<T, DateTimeOffset> created, Func<T, long> sequence, DateTimeOffset now,
        Action<System.Text.Json.Utf8JsonWriter, T, DateTimeOffset> write)
    {
        int offset = 0;
        if (list.Page is not null && !PageToken.TryDecode(list.Page, queryHash, out offset))
        {
            return ApiError.InvalidParameter("page", "is not a page token of this query (pass opc-next-page back unchanged, percent-encoded once).");
        }

        IOrderedEnumerable<T> sorted = list.SortBy == "DISPLAYNAME"
            ? (list.Descending ? items.OrderByDescending(name, StringComparer.Ordinal) : items.OrderBy(name, StringComparer.Ordinal))
            : (list.Descending ? items.OrderByDescending(created) : items.OrderBy(created));
        sorted = list.Descending ? sorted.ThenByDescending(sequence) : sorted.ThenBy(sequence);
        List<T> page = sorted.Skip(offset).Take(list.Limit + 1).ToList();
        string? next = null;
        if (page.Count > list.Limit)
        {
            page.RemoveAt(page.Count - 1);
            next = PageToken.Encode(offset + list.Limit, queryHash);
        }

        return ApiResponse.Ok(ResourceJson.WriteArray(page, now, write), null, next);
    }
}
