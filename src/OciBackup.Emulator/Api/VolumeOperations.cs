using Microsoft.AspNetCore.Http;
using OciBackup.Emulator.Inventory;
using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator.Api;

/// <summary>
/// The volume and volume group operations of the Core API, in the region whose endpoint was called: get, list, and
/// create (a restore from a backup, or a blank volume).
/// </summary>
internal sealed class VolumeOperations
{
    // Listed without an availability domain, the service groups volumes by domain before it sorts them.
    private static readonly ListShape<Volume> VolumeShape =
        new(v => v.DisplayName, v => v.TimeCreated, v => 0, ResourceJson.Volume, v => v.AvailabilityDomain);

    private static readonly ListShape<VolumeGroup> VolumeGroupShape =
        new(g => g.DisplayName, g => g.TimeCreated, g => 0, ResourceJson.VolumeGroup, g => g.AvailabilityDomain);

    private readonly BackupStore _store;
    private readonly EmulatorClock _clock;
    private readonly int _defaultPageSize;

    public VolumeOperations(BackupStore store, EmulatorClock clock, int defaultPageSize)
    {
        _store = store;
        _clock = clock;
        _defaultPageSize = defaultPageSize;
    }

    public ApiResponse GetVolume(string region, string id) =>
        _store.FindVolume(region, id) is { } volume ? VolumeResponse(volume) : ApiError.NotFound();

    public ApiResponse GetVolumeGroup(string region, string id) =>
        _store.FindVolumeGroup(region, id) is { } group ? VolumeGroupResponse(group) : ApiError.NotFound();

    public ApiResponse CreateVolume(string region, CreateVolumeDetails details, string? retryToken) =>
        BackupOperations.Made(_store.CreateVolume(region, details, retryToken), VolumeResponse);

    public ApiResponse CreateVolumeGroup(string region, CreateVolumeGroupDetails details, string? retryToken) =>
        BackupOperations.Made(_store.CreateVolumeGroup(region, details, retryToken), VolumeGroupResponse);

    /// <summary>ListVolumes: compartmentId optional (without it, every compartment), availabilityDomain, volumeGroupId, displayName, lifecycleState.</summary>
    public ApiResponse ListVolumes(string region, IQueryCollection query)
    {
        if (ListQuery.TryParse(query, _defaultPageSize, ListRules.Volumes, out ListQuery? list) is { } error)
        {
            return error;
        }

        string? availabilityDomain = ListQuery.Single(query, "availabilityDomain");
        string? volumeGroupId = ListQuery.Single(query, "volumeGroupId");
        string? placementGroupId = ListQuery.Single(query, "clusterPlacementGroupId");
        DateTimeOffset now = _clock.UtcNow;
        IEnumerable<Volume> items = _store.VolumesIn(region, list!.CompartmentId)
            .Where(v => (availabilityDomain is null || v.AvailabilityDomain == availabilityDomain)
                && (volumeGroupId is null || v.VolumeGroupId == volumeGroupId)
                && placementGroupId is null // no emulated volume is in a cluster placement group
                && (list.Name is null || v.DisplayName == list.Name)
                && (list.LifecycleState is null || v.LifecycleState(now) == list.LifecycleState));
        return ListPage.Of(list, list.Hash(availabilityDomain, volumeGroupId, placementGroupId), items,
            availabilityDomain is null ? VolumeShape : VolumeShape with { GroupedBy = null }, now);
    }

    public ApiResponse ListVolumeGroups(string region, IQueryCollection query)
    {
        if (ListQuery.TryParse(query, _defaultPageSize, ListRules.VolumeGroups, out ListQuery? list) is { } error)
        {
            return error;
        }

        string? availabilityDomain = ListQuery.Single(query, "availabilityDomain");
        DateTimeOffset now = _clock.UtcNow;
        IEnumerable<VolumeGroup> items = _store.VolumeGroupsIn(region, list!.CompartmentId!)
            .Where(g => (availabilityDomain is null || g.AvailabilityDomain == availabilityDomain)
                && (list.Name is null || g.DisplayName == list.Name)
                && (list.LifecycleState is null || g.LifecycleState(now) == list.LifecycleState));
        return ListPage.Of(list, list.Hash(availabilityDomain), items,
            availabilityDomain is null ? VolumeGroupShape : VolumeGroupShape with { GroupedBy = null }, now);
    }

    private ApiResponse VolumeResponse(Volume volume)
    {
        DateTimeOffset now = _clock.UtcNow;
        return ApiResponse.Ok(ResourceJson.Write(volume, now, ResourceJson.Volume),
            ETag.For(volume.Id, volume.LifecycleState(now) + (volume.IsHydrated(now) == true ? "+hydrated" : "")));
    }

    private ApiResponse VolumeGroupResponse(VolumeGroup group)
    {
        DateTimeOffset now = _clock.UtcNow;
        return ApiResponse.Ok(ResourceJson.Write(group, now, ResourceJson.VolumeGroup),
            ETag.For(group.Id, group.LifecycleState(now) + (group.IsHydrated(now) ? "+hydrated" : "")));
    }
}
