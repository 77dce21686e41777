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

        /// <summary>The kind of a backup the service returned.</summary>
        public static BackupKind Of(BackupResource backup) =>
            All.FirstOrDefault(kind => kind.Models(backup)) ?? throw new ArgumentException($"No backup kind for {backup?.GetType().Name}.", nameof(backup));

        /// <summary>The kind whose OCIDs look like <paramref name="id"/>, or null.</summary>
        public static BackupKind? FromOcid(string? id) => All.FirstOrDefault(kind => kind.Owns(id));

        /// <summary>The id of the volume or volume group a backup is of.</summary>
        public abstract string? SourceIdOf(BackupResource backup);

        public abstract Task<OciResult<BackupResource>> CreateAsync(BlockstorageClient client, string sourceId, BackupDetails details, string retryToken, CancellationToken cancellationToken, OciCallOptions? call = null);

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
