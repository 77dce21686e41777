using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Kinds
{
    /// <summary>Volume groups: what volume group backups are of, and what restoring one makes.</summary>
    internal sealed class VolumeGroupKind : SourceKind
    {
        public static readonly VolumeGroupKind Instance = new VolumeGroupKind();

        private VolumeGroupKind()
            : base("VolumeGroup", "volume group", "volumegroup", "volumeGroupId", BlockstorageRequests.ApiVersionPath + "/volumeGroups",
                new LifecycleStates(new[] { "PROVISIONING", "AVAILABLE" }, "FAULTY", "TERMINATING", "TERMINATED", "UPDATE_PENDING"))
        {
        }

        public override async Task<OciResult<ILifecycleResource>> GetAsync(BlockstorageClient client, string id, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            Widen(await client.GetVolumeGroupAsync(id, cancellationToken, call).ConfigureAwait(false));

        public override async Task<OciResult<IReadOnlyList<ILifecycleResource>>> ListNewestFirstAsync(BlockstorageClient client, string compartmentId, int limit, string? page, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            Widen(await client.ListVolumeGroupsAsync(new VolumeFilter(compartmentId) { SortBy = BlockstorageRequests.SortByTimeCreated, SortOrder = BlockstorageRequests.Descending }, limit, page, cancellationToken, call).ConfigureAwait(false));

        public override async Task<IReadOnlyList<ILifecycleResource>> ListAsync(BlockstorageClient client, VolumeFilter filter, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            await client.ListAllVolumeGroupsAsync(filter, cancellationToken, call).ConfigureAwait(false);

        public override string? AvailabilityDomainOf(ILifecycleResource resource) => (resource as VolumeGroup)?.AvailabilityDomain;

        public override Hashtable? FreeformTagsOf(ILifecycleResource resource) => (resource as VolumeGroup)?.FreeformTags;

        public override ILifecycleResource Gone(string id, string? region, ILifecycleResource? lastSeen) =>
            new VolumeGroup { Id = id, Region = region ?? lastSeen?.Region, CompartmentId = lastSeen?.CompartmentId, DisplayName = lastSeen?.DisplayName, LifecycleState = Lifecycle.Deleted };
    }
}
