using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Kinds
{
    /// <summary>
    /// A kind of backup (of a volume, of a volume group), described once with every operation the engine runs on
    /// it: create from its source, get, list, copy to another region, delete, restore. Bulk runs, waits and the
    /// retention rules are written against this, so a new kind of backup is one more descriptor.
    /// </summary>
    internal abstract class BackupKind : ResourceKind
    {
        protected BackupKind(string typeName, string noun, string ocidType, string idField, string listPath, LifecycleStates lifecycle, ResourceKind source, string createOperation)
            : base(typeName, noun, ocidType, idField, "Backup", listPath, listsNewestFirst: true, lifecycle)
        {
            Source = source;
            CreateOperation = createOperation;
        }

        /// <summary>Backups of block volumes.</summary>
        public static BackupKind Volume => VolumeBackupKind.Instance;

        /// <summary>Backups of volume groups (one member volume backup per volume).</summary>
        public static BackupKind VolumeGroup => VolumeGroupBackupKind.Instance;

        public static IReadOnlyList<BackupKind> All { get; } = new[] { Volume, VolumeGroup };

        /// <summary>What it backs up, and what a restore of it makes: volumes, or volume groups.</summary>
        public ResourceKind Source { get; }

        /// <summary>The service's name of the create call (<c>CreateVolumeBackup</c>); run keys derive retry tokens from it.</summary>
        public string CreateOperation { get; }

        /// <summary><c>CopyVolumeBackup</c>.</summary>
        public string CopyOperation => "Copy" + TypeName;

        /// <summary><c>DeleteVolumeBackup</c>.</summary>
        public string DeleteOperation => "Delete" + TypeName;

        /// <summary>What deleting one does, for a person asked to confirm it: <c>Delete</c>.</summary>
        public virtual string DeleteAction => "Delete";

        /// <summary>The call a restore makes: <c>CreateVolume</c>.</summary>
        public string RestoreOperation => "Create" + Source.TypeName;

        /// <summary>The kind of a backup the service returned.</summary>
        public static BackupKind Of(BackupResource backup) =>
            All.FirstOrDefault(kind => kind.Models(backup)) ?? throw new ArgumentException($"No backup kind for {backup?.GetType().Name}.", nameof(backup));

        /// <summary>The kind whose OCIDs look like <paramref name="id"/>, or null.</summary>
        public static BackupKind? FromOcid(string? id) => All.FirstOrDefault(kind => kind.Owns(id));

        /// <summary>The id of the volume or volume group a backup is of.</summary>
        public abstract string? SourceIdOf(BackupResource backup);

        /// <summary>The backup a copy was made from (in its own region), or null for one that is not a copy.</summary>
        public abstract string? CopiedFromOf(BackupResource backup);

        public abstract Task<OciResult<BackupResource>> CreateAsync(BlockstorageClient client, string sourceId, BackupDetails details, string retryToken, CancellationToken cancellationToken, OciCallOptions? call = null);

        /// <summary>Every backup of this kind the filter selects, all pages read.</summary>
        public abstract Task<IReadOnlyList<BackupResource>> ListAsync(BlockstorageClient client, BackupFilter filter, CancellationToken cancellationToken, OciCallOptions? call = null);

        /// <summary>
        /// Copies a backup to another region: <paramref name="sourceClient"/> is the client of the backup's own
        /// region; the answer is the copy, whose <see cref="BackupResource.Region"/> is the destination, where it
        /// is to be read and waited for.
        /// </summary>
        public abstract Task<OciResult<BackupResource>> CopyAsync(BlockstorageClient sourceClient, string backupId, CopyBackupDetails details, string retryToken, CancellationToken cancellationToken, OciCallOptions? call = null);

        /// <summary>
        /// Asks for the deletion and returns the answer, or null when the service no longer knows the backup (404:
        /// already gone, which is what was asked for). Deleting a group backup deletes its member backups too.
        /// </summary>
        public async Task<OciResponse?> DeleteAsync(BlockstorageClient client, string backupId, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            try
            {
                return await SendDeleteAsync(client, backupId, cancellationToken, call).ConfigureAwait(false);
            }
            catch (OciServiceException gone) when (gone.StatusCode == 404)
            {
                return null;
            }
        }

        /// <summary>
        /// Restores a backup as a new volume (or volume group, with a volume per member) in the backup's region,
        /// in <paramref name="compartmentId"/> and <paramref name="availabilityDomain"/>; returned PROVISIONING, then AVAILABLE.
        /// </summary>
        public abstract Task<OciResult<ILifecycleResource>> RestoreAsync(BlockstorageClient client, string backupId, string compartmentId, string availabilityDomain, RestoreDetails details, string retryToken, CancellationToken cancellationToken, OciCallOptions? call = null);

        protected abstract Task<OciResponse> SendDeleteAsync(BlockstorageClient client, string backupId, CancellationToken cancellationToken, OciCallOptions? call);

        protected static BackupFilter NewestFirst(string compartmentId) =>
            new BackupFilter(compartmentId) { SortBy = BlockstorageRequests.SortByTimeCreated, SortOrder = BlockstorageRequests.Descending };

        protected abstract bool Models(BackupResource backup);

        public override ILifecycleResource Gone(string id, string? region, ILifecycleResource? lastSeen)
        {
            var gone = NewModel();
            gone.Id = id;
            gone.Region = region ?? lastSeen?.Region;
            gone.CompartmentId = lastSeen?.CompartmentId;
            gone.DisplayName = lastSeen?.DisplayName;
            gone.LifecycleState = Lifecycle.Deleted;
            return gone;
        }

        protected abstract BackupResource NewModel();

        protected static OciResult<BackupResource> AsBackup<T>(OciResult<T> result)
            where T : BackupResource =>
            new OciResult<BackupResource>(result.Value, result.Response);
    }
}
