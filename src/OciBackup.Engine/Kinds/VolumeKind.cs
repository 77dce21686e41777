using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Kinds
{
    /// <summary>Block volumes: what volume backups are of, and what restoring one makes.</summary>
    internal sealed class VolumeKind : ResourceKind
    {
        public static readonly VolumeKind Instance = new VolumeKind();

        private VolumeKind()
            : base("Volume", "volume", "volume", "volumeId", "Volume", BlockstorageRequests.ApiVersionPath + "/volumes", listsNewestFirst: false,
                new LifecycleStates(new[] { "PROVISIONING", "RESTORING", "AVAILABLE" }, "FAULTY", "TERMINATING", "TERMINATED"))
        {
        }

        public override async Task<OciResult<ILifecycleResource>> GetAsync(BlockstorageClient client, string id, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            Widen(await client.GetVolumeAsync(id, cancellationToken, call).ConfigureAwait(false));

        public override async Task<OciResult<IReadOnlyList<ILifecycleResource>>> ListNewestFirstAsync(BlockstorageClient client, string compartmentId, int limit, string? page, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            Widen(await client.ListVolumesAsync(new VolumeFilter(compartmentId) { SortBy = BlockstorageRequests.SortByTimeCreated, SortOrder = BlockstorageRequests.Descending }, limit, page, cancellationToken, call).ConfigureAwait(false));

        public override ILifecycleResource Gone(string id, string? region, ILifecycleResource? lastSeen) =>
            new Volume { Id = id, Region = region ?? lastSeen?.Region, CompartmentId = lastSeen?.CompartmentId, DisplayName = lastSeen?.DisplayName, LifecycleState = Lifecycle.Deleted };
    }
}
