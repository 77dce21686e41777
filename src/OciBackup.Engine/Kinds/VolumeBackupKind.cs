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
                // A volume backup never reports COMMITTED, but Wait-OciBackup -State Committed may be asked of one: AVAILABLE is past it.
                new LifecycleStates(new[] { "REQUEST_RECEIVED", "CREATING", "COMMITTED", "AVAILABLE" }, "FAULTY", "TERMINATING", "TERMINATED"),
                VolumeKind.Instance, "CreateVolumeBackup")
        {
        }

        public override string? SourceIdOf(BackupResource backup) => (backup as VolumeBackup)?.VolumeId;

        public override string? CopiedFromOf(BackupResource backup) => (backup as VolumeBackup)?.SourceVolumeBackupId;

        public override async Task<OciResult<ILifecycleResource>> GetAsync(BlockstorageClient client, string id, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            Widen(await client.GetVolumeBackupAsync(id, cancellationToken, call).ConfigureAwait(false));

        public override async Task<OciResult<IReadOnlyList<ILifecycleResource>>> ListNewestFirstAsync(BlockstorageClient client, string compartmentId, int limit, string? page, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            Widen(await client.ListVolumeBackupsAsync(NewestFirst(compartmentId), limit, page, cancellationToken, call).ConfigureAwait(false));

        public override async Task<IReadOnlyList<BackupResource>> ListAsync(BlockstorageClient client, BackupFilter filter, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            await client.ListAllVolumeBackupsAsync(filter, cancellationToken, call).ConfigureAwait(false);

        public override async Task<OciResult<BackupResource>> CopyAsync(BlockstorageClient sourceClient, string backupId, CopyBackupDetails details, string retryToken, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            AsBackup(await sourceClient.CopyVolumeBackupAsync(backupId, details, retryToken, cancellationToken, call).ConfigureAwait(false));

        public override async Task<OciResult<ILifecycleResource>> RestoreAsync(BlockstorageClient client, string backupId, string compartmentId, string availabilityDomain, RestoreDetails details, string retryToken, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            var body = new CreateVolumeDetails(availabilityDomain, compartmentId, new VolumeSourceDetails(backupId))
            {
                DisplayName = details.DisplayName,
                SizeInGBs = details.SizeInGBs,
                VpusPerGB = details.VpusPerGB,
                KmsKeyId = details.KmsKeyId,
                FreeformTags = details.FreeformTags,
                DefinedTags = details.DefinedTags,
            };
            return Widen(await client.CreateVolumeAsync(body, retryToken, cancellationToken, call).ConfigureAwait(false));
        }

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

        protected override Task<OciResponse> SendDeleteAsync(BlockstorageClient client, string backupId, CancellationToken cancellationToken, OciCallOptions? call) =>
            client.DeleteVolumeBackupAsync(backupId, null, cancellationToken, call);

        protected override bool Models(BackupResource backup) => backup is VolumeBackup;

        protected override BackupResource NewModel() => new VolumeBackup();
    }
}
