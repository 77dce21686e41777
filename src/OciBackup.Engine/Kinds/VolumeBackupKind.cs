using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Kinds
{
    /// <summary>Backups of block volumes: <c>/volumeBackups</c>.</summary>
    internal sealed class VolumeBackupKind : BackupKind
    {
        public static readonly VolumeBackupKind Instance = new VolumeBackupKind();

        private VolumeBackupKind()
            : base("VolumeBackup", "volume backup", "volumebackup", "volumeBackupId", BlockstorageRequests.ApiVersionPath + "/volumeBackups",
                new LifecycleStates(new[] { "REQUEST_RECEIVED", "CREATING", "AVAILABLE" }, "FAULTY", "TERMINATING", "TERMINATED"),
                VolumeKind.Instance, "CreateVolumeBackup")
        {
        }

        public override string? SourceIdOf(BackupResource backup) => (backup as VolumeBackup)?.VolumeId;

        public override async Task<OciResult<ILifecycleResource>> GetAsync(BlockstorageClient client, string id, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            Widen(await client.GetVolumeBackupAsync(id, cancellationToken, call).ConfigureAwait(false));

        public override async Task<OciResult<IReadOnlyList<ILifecycleResource>>> ListNewestFirstAsync(BlockstorageClient client, string compartmentId, int limit, string? page, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            Widen(await client.ListVolumeBackupsAsync(compartmentId, null, limit, page, BlockstorageRequests.SortByTimeCreated, BlockstorageRequests.Descending, cancellationToken, call).ConfigureAwait(false));

        public override async Task<OciResult<BackupResource>> CreateAsync(BlockstorageClient client, string sourceId, BackupDetails details, string retryToken, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            var body = new CreateVolumeBackupDetails(sourceId)
            {
                DisplayName = details.DisplayName,
                Type = details.Type,
                KmsKeyId = details.KmsKeyId,
                FreeformTags = details.FreeformTags,
                DefinedTags = details.DefinedTags,
            };
            return AsBackup(await client.CreateVolumeBackupAsync(body, retryToken, cancellationToken, call).ConfigureAwait(false));
        }

        protected override bool Models(BackupResource backup) => backup is VolumeBackup;

        protected override BackupResource NewModel() => new VolumeBackup();
    }
}
