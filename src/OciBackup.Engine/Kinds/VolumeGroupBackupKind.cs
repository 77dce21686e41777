using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Kinds
{
    /// <summary>Backups of volume groups: <c>/volumeGroupBackups</c>. Their lifecycle passes COMMITTED on the way to AVAILABLE.</summary>
    internal sealed class VolumeGroupBackupKind : BackupKind
    {
        public static readonly VolumeGroupBackupKind Instance = new VolumeGroupBackupKind();

        private VolumeGroupBackupKind()
            : base("VolumeGroupBackup", "volume group backup", "volumegroupbackup", "volumeGroupBackupId", BlockstorageRequests.ApiVersionPath + "/volumeGroupBackups",
                new LifecycleStates(new[] { "REQUEST_RECEIVED", "CREATING", "COMMITTED", "AVAILABLE" }, "FAULTY", "TERMINATING", "TERMINATED"),
                VolumeGroupKind.Instance, "CreateVolumeGroupBackup")
        {
        }

        /// <summary>The service deletes a group backup's member volume backups with it.</summary>
        public override string DeleteAction => "Delete, with its member volume backups";

        public override string? SourceIdOf(BackupResource backup) => (backup as VolumeGroupBackup)?.VolumeGroupId;

        public override string? CopiedFromOf(BackupResource backup) => (backup as VolumeGroupBackup)?.SourceVolumeGroupBackupId;

        public override async Task<OciResult<ILifecycleResource>> GetAsync(BlockstorageClient client, string id, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            Widen(await client.GetVolumeGroupBackupAsync(id, cancellationToken, call).ConfigureAwait(false));

        public override async Task<OciResult<IReadOnlyList<ILifecycleResource>>> ListNewestFirstAsync(BlockstorageClient client, string compartmentId, int limit, string? page, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            Widen(await client.ListVolumeGroupBackupsAsync(NewestFirst(compartmentId), limit, page, cancellationToken, call).ConfigureAwait(false));

        public override async Task<IReadOnlyList<BackupResource>> ListAsync(BlockstorageClient client, BackupFilter filter, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            await client.ListAllVolumeGroupBackupsAsync(filter, cancellationToken, call).ConfigureAwait(false);

        public override async Task<OciResult<BackupResource>> CopyAsync(BlockstorageClient sourceClient, string backupId, CopyBackupDetails details, string retryToken, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            AsBackup(await sourceClient.CopyVolumeGroupBackupAsync(backupId, details, retryToken, cancellationToken, call).ConfigureAwait(false));

        /// <summary>The new group gets a new volume per member backup; sizes and performance come from the backups.</summary>
        public override async Task<OciResult<ILifecycleResource>> RestoreAsync(BlockstorageClient client, string backupId, string compartmentId, string availabilityDomain, RestoreDetails details, string retryToken, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            if (details.SizeInGBs != null || details.VpusPerGB != null || details.KmsKeyId != null)
            {
                throw new ArgumentException("A volume group is restored with its member volumes' own sizes, performance and keys.", nameof(details));
            }

            var body = new CreateVolumeGroupDetails(availabilityDomain, compartmentId, new VolumeGroupSourceDetails(backupId))
            {
                DisplayName = details.DisplayName,
                FreeformTags = details.FreeformTags,
                DefinedTags = details.DefinedTags,
            };
            return Widen(await client.CreateVolumeGroupAsync(body, retryToken, cancellationToken, call).ConfigureAwait(false));
        }

        public override async Task<OciResult<BackupResource>> CreateAsync(BlockstorageClient client, string sourceId, BackupDetails details, string retryToken, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            var body = new CreateVolumeGroupBackupDetails(sourceId)
            {
                CompartmentId = details.CompartmentId,
                DisplayName = details.DisplayName,
                Type = details.Type,
                FreeformTags = details.FreeformTags,
                DefinedTags = details.DefinedTags,
            };
            return AsBackup(await client.CreateVolumeGroupBackupAsync(body, retryToken, cancellationToken, call).ConfigureAwait(false));
        }

        protected override Task<OciResponse> SendDeleteAsync(BlockstorageClient client, string backupId, CancellationToken cancellationToken, OciCallOptions? call) =>
            client.DeleteVolumeGroupBackupAsync(backupId, null, cancellationToken, call);

        protected override bool Models(BackupResource backup) => backup is VolumeGroupBackup;

        protected override BackupResource NewModel() => new VolumeGroupBackup();
    }
}
