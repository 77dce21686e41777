using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// The block storage operations OciBackup uses, typed, over one <see cref="OciHttpClient"/> aimed at one
    /// region. Everything it returns says that region (<see cref="ILifecycleResource.Region"/>), except a copy,
    /// which says its destination. The <c>ListAll…</c> calls read every page.
    /// </summary>
    internal sealed class BlockstorageClient
    {
        private const int PageSize = 1000;

        private readonly OciHttpClient _http;

        /// <param name="region">The region the client's endpoint serves; null when not known (an endpoint given without a region).</param>
        public BlockstorageClient(OciHttpClient http, string? region = null)
        {
            _http = http ?? throw new ArgumentNullException(nameof(http));
            Region = region;
        }

        public string? Region { get; }

        /// <summary>The client it sends with, aimed at this region's endpoint (for raw calls: Invoke-OciRestMethod -Region).</summary>
        internal OciHttpClient Http => _http;

        public Task<OciResult<VolumeBackup>> CreateVolumeBackupAsync(CreateVolumeBackupDetails details, string retryToken, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            SendAsync<VolumeBackup>(BlockstorageRequests.CreateVolumeBackup(details, retryToken), cancellationToken, call);

        public Task<OciResult<VolumeBackup>> GetVolumeBackupAsync(string volumeBackupId, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            SendAsync<VolumeBackup>(BlockstorageRequests.GetVolumeBackup(volumeBackupId), cancellationToken, call);

        /// <summary>One page.</summary>
        public Task<OciResult<List<VolumeBackup>>> ListVolumeBackupsAsync(BackupFilter filter, int? limit, string? page, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            SendAsync<List<VolumeBackup>>(BlockstorageRequests.ListVolumeBackups(filter, limit, page), cancellationToken, call);

        public Task<List<VolumeBackup>> ListAllVolumeBackupsAsync(BackupFilter filter, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            OciPages.ReadAllAsync(BlockstorageRequests.ApiVersionPath + "/volumeBackups", page => ListVolumeBackupsAsync(filter, PageSize, page, cancellationToken, call), cancellationToken);

        /// <summary>Sent to this (the source) region; the answer is the copy, in <see cref="CopyBackupDetails.DestinationRegion"/>.</summary>
        public Task<OciResult<VolumeBackup>> CopyVolumeBackupAsync(string volumeBackupId, CopyBackupDetails details, string retryToken, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            CopyAsync<VolumeBackup>(BlockstorageRequests.CopyVolumeBackup(volumeBackupId, details, retryToken), details, cancellationToken, call);

        public Task<OciResponse> DeleteVolumeBackupAsync(string volumeBackupId, string? ifMatch, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            _http.SendAsync(BlockstorageRequests.DeleteVolumeBackup(volumeBackupId, ifMatch), cancellationToken, call);

        public Task<OciResult<VolumeGroupBackup>> CreateVolumeGroupBackupAsync(CreateVolumeGroupBackupDetails details, string retryToken, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            SendAsync<VolumeGroupBackup>(BlockstorageRequests.CreateVolumeGroupBackup(details, retryToken), cancellationToken, call);

        public Task<OciResult<VolumeGroupBackup>> GetVolumeGroupBackupAsync(string volumeGroupBackupId, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            SendAsync<VolumeGroupBackup>(BlockstorageRequests.GetVolumeGroupBackup(volumeGroupBackupId), cancellationToken, call);

        /// <summary>One page, with only the filters the service has for group backups (no lifecycle state or copied-from).</summary>
        public Task<OciResult<List<VolumeGroupBackup>>> ListVolumeGroupBackupsAsync(BackupFilter filter, int? limit, string? page, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            SendAsync<List<VolumeGroupBackup>>(BlockstorageRequests.ListVolumeGroupBackups(filter, limit, page), cancellationToken, call);

        /// <summary>Every page, with the lifecycle state and copied-from filters the service lacks applied here.</summary>
        public async Task<List<VolumeGroupBackup>> ListAllVolumeGroupBackupsAsync(BackupFilter filter, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            var all = await OciPages.ReadAllAsync(BlockstorageRequests.ApiVersionPath + "/volumeGroupBackups", page => ListVolumeGroupBackupsAsync(filter, PageSize, page, cancellationToken, call), cancellationToken).ConfigureAwait(false);
            return all
                .Where(b => filter.LifecycleState == null || string.Equals(b.LifecycleState, filter.LifecycleState, StringComparison.OrdinalIgnoreCase))
                .Where(b => filter.CopiedFromId == null || string.Equals(b.SourceVolumeGroupBackupId, filter.CopiedFromId, StringComparison.Ordinal))
                .ToList();
        }

        /// <summary>Sent to this (the source) region; the answer is the copy, in <see cref="CopyBackupDetails.DestinationRegion"/>.</summary>
        public Task<OciResult<VolumeGroupBackup>> CopyVolumeGroupBackupAsync(string volumeGroupBackupId, CopyBackupDetails details, string retryToken, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            CopyAsync<VolumeGroupBackup>(BlockstorageRequests.CopyVolumeGroupBackup(volumeGroupBackupId, details, retryToken), details, cancellationToken, call);

        public Task<OciResponse> DeleteVolumeGroupBackupAsync(string volumeGroupBackupId, string? ifMatch, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            _http.SendAsync(BlockstorageRequests.DeleteVolumeGroupBackup(volumeGroupBackupId, ifMatch), cancellationToken, call);

        public Task<OciResult<Volume>> GetVolumeAsync(string volumeId, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            SendAsync<Volume>(BlockstorageRequests.GetVolume(volumeId), cancellationToken, call);

        /// <summary>One page.</summary>
        public Task<OciResult<List<Volume>>> ListVolumesAsync(VolumeFilter filter, int? limit, string? page, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            SendAsync<List<Volume>>(BlockstorageRequests.ListVolumes(filter, limit, page), cancellationToken, call);

        public Task<List<Volume>> ListAllVolumesAsync(VolumeFilter filter, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            OciPages.ReadAllAsync(BlockstorageRequests.ApiVersionPath + "/volumes", page => ListVolumesAsync(filter, PageSize, page, cancellationToken, call), cancellationToken);

        public Task<OciResult<Volume>> CreateVolumeAsync(CreateVolumeDetails details, string retryToken, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            SendAsync<Volume>(BlockstorageRequests.CreateVolume(details, retryToken), cancellationToken, call);

        public Task<OciResult<VolumeGroup>> GetVolumeGroupAsync(string volumeGroupId, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            SendAsync<VolumeGroup>(BlockstorageRequests.GetVolumeGroup(volumeGroupId), cancellationToken, call);

        /// <summary>One page.</summary>
        public Task<OciResult<List<VolumeGroup>>> ListVolumeGroupsAsync(VolumeFilter filter, int? limit, string? page, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            SendAsync<List<VolumeGroup>>(BlockstorageRequests.ListVolumeGroups(filter, limit, page), cancellationToken, call);

        public Task<List<VolumeGroup>> ListAllVolumeGroupsAsync(VolumeFilter filter, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            OciPages.ReadAllAsync(BlockstorageRequests.ApiVersionPath + "/volumeGroups", page => ListVolumeGroupsAsync(filter, PageSize, page, cancellationToken, call), cancellationToken);

        public Task<OciResult<VolumeGroup>> CreateVolumeGroupAsync(CreateVolumeGroupDetails details, string retryToken, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            SendAsync<VolumeGroup>(BlockstorageRequests.CreateVolumeGroup(details, retryToken), cancellationToken, call);

        public override string ToString() => $"BlockstorageClient {Region} {_http.Endpoint.GetLeftPart(UriPartial.Authority)}";

        private async Task<OciResult<T>> CopyAsync<T>(OciRequest request, CopyBackupDetails details, CancellationToken cancellationToken, OciCallOptions? call)
            where T : BackupResource
        {
            var result = await SendAsync<T>(request, cancellationToken, call).ConfigureAwait(false);
            result.Value.Region = details.DestinationRegion;
            return result;
        }

        private async Task<OciResult<T>> SendAsync<T>(OciRequest request, CancellationToken cancellationToken, OciCallOptions? call)
        {
            var result = await _http.SendAsync<T>(request, cancellationToken, call).ConfigureAwait(false);
            switch (result.Value)
            {
                case ILifecycleResource resource:
                    resource.Region = Region;
                    break;
                case IEnumerable<ILifecycleResource> resources:
                    foreach (var resource in resources)
                    {
                        resource.Region = Region;
                    }

                    break;
            }

            return result;
        }
    }
}
