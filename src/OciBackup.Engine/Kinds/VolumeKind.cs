using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Kinds
{
    /// <summary>Block volumes: what volume backups are of, and what restoring one makes.</summary>
    internal sealed class VolumeKind : SourceKind
    {
        public static readonly VolumeKind Instance = new VolumeKind();

        private VolumeKind()
            : base("Volume", "volume", "volume", "volumeId", BlockstorageRequests.ApiVersionPath + "/volumes",
                new LifecycleStates(new[] { "PROVISIONING", "RESTORING", "AVAILABLE" }, "FAULTY", "TERMINATING", "TERMINATED"))
        {
        }

        public override async Task<OciResult<ILifecycleResource>> GetAsync(BlockstorageClient client, string id, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            Widen(await client.GetVolumeAsync(id, cancellationToken, call).ConfigureAwait(false));

        public override async Task<OciResult<IReadOnlyList<ILifecycleResource>>> ListNewestFirstAsync(BlockstorageClient client, string compartmentId, int limit, string? page, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            Widen(await client.ListVolumesAsync(new VolumeFilter(compartmentId) { SortBy = BlockstorageRequests.SortByTimeCreated, SortOrder = BlockstorageRequests.Descending }, limit, page, cancellationToken, call).ConfigureAwait(false));

        public override async Task<IReadOnlyList<ILifecycleResource>> ListAsync(BlockstorageClient client, VolumeFilter filter, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            await client.ListAllVolumesAsync(filter, cancellationToken, call).ConfigureAwait(false);

        public override string? AvailabilityDomainOf(ILifecycleResource resource) => (resource as Volume)?.AvailabilityDomain;

        public override Hashtable? FreeformTagsOf(ILifecycleResource resource) => (resource as Volume)?.FreeformTags;

        public override ILifecycleResource Gone(string id, string? region, ILifecycleResource? lastSeen) =>
            new Volume { Id = id, Region = region ?? lastSeen?.Region, CompartmentId = lastSeen?.CompartmentId, DisplayName = lastSeen?.DisplayName, LifecycleState = Lifecycle.Deleted };
    }
}
