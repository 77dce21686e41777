using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Http
{
    /// <summary>The block-storage operations OciBackup uses, typed, over one <see cref="OciHttpClient"/>.</summary>
    internal sealed class BlockstorageClient
    {
        private readonly OciHttpClient _http;

        public BlockstorageClient(OciHttpClient http)
        {
            _http = http ?? throw new ArgumentNullException(nameof(http));
        }

        public Task<OciResult<VolumeBackup>> CreateVolumeBackupAsync(CreateVolumeBackupDetails details, string retryToken, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            _http.SendAsync<VolumeBackup>(BlockstorageRequests.CreateVolumeBackup(details, retryToken), cancellationToken, call);

        public Task<OciResult<VolumeBackup>> GetVolumeBackupAsync(string volumeBackupId, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            _http.SendAsync<VolumeBackup>(BlockstorageRequests.GetVolumeBackup(volumeBackupId), cancellationToken, call);

        public Task<OciResult<List<VolumeBackup>>> ListVolumeBackupsAsync(string compartmentId, string? volumeId, int? limit, string? page, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            _http.SendAsync<List<VolumeBackup>>(BlockstorageRequests.ListVolumeBackups(compartmentId, volumeId, limit, page), cancellationToken, call);

        /// <param name="sortBy"><c>TIMECREATED</c> or <c>DISPLAYNAME</c>; null for the service's default.</param>
        /// <param name="sortOrder"><c>ASC</c> or <c>DESC</c>; null for the service's default.</param>
        public Task<OciResult<List<VolumeBackup>>> ListVolumeBackupsAsync(string compartmentId, string? volumeId, int? limit, string? page, string? sortBy, string? sortOrder, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            _http.SendAsync<List<VolumeBackup>>(BlockstorageRequests.ListVolumeBackups(compartmentId, volumeId, limit, page, sortBy: sortBy, sortOrder: sortOrder), cancellationToken, call);

        public Task<OciResult<VolumeGroupBackup>> CreateVolumeGroupBackupAsync(CreateVolumeGroupBackupDetails details, string retryToken, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            _http.SendAsync<VolumeGroupBackup>(BlockstorageRequests.CreateVolumeGroupBackup(details, retryToken), cancellationToken, call);

        public Task<OciResult<VolumeGroupBackup>> GetVolumeGroupBackupAsync(string volumeGroupBackupId, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            _http.SendAsync<VolumeGroupBackup>(BlockstorageRequests.GetVolumeGroupBackup(volumeGroupBackupId), cancellationToken, call);

        public Task<OciResult<List<VolumeGroupBackup>>> ListVolumeGroupBackupsAsync(string compartmentId, string? volumeGroupId, int? limit, string? page, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            _http.SendAsync<List<VolumeGroupBackup>>(BlockstorageRequests.ListVolumeGroupBackups(compartmentId, volumeGroupId, limit, page), cancellationToken, call);

        /// <param name="sortBy"><c>TIMECREATED</c> or <c>DISPLAYNAME</c>; null for the service's default.</param>
        /// <param name="sortOrder"><c>ASC</c> or <c>DESC</c>; null for the service's default.</param>
        public Task<OciResult<List<VolumeGroupBackup>>> ListVolumeGroupBackupsAsync(string compartmentId, string? volumeGroupId, int? limit, string? page, string? sortBy, string? sortOrder, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            _http.SendAsync<List<VolumeGroupBackup>>(BlockstorageRequests.ListVolumeGroupBackups(compartmentId, volumeGroupId, limit, page, sortBy: sortBy, sortOrder: sortOrder), cancellationToken, call);

        public Task<OciResult<Volume>> GetVolumeAsync(string volumeId, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            _http.SendAsync<Volume>(BlockstorageRequests.GetVolume(volumeId), cancellationToken, call);

        public Task<OciResult<List<Volume>>> ListVolumesAsync(string compartmentId, int? limit, string? page, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            _http.SendAsync<List<Volume>>(BlockstorageRequests.ListVolumes(compartmentId, limit: limit, page: page), cancellationToken, call);

        public Task<OciResult<VolumeGroup>> GetVolumeGroupAsync(string volumeGroupId, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            _http.SendAsync<VolumeGroup>(BlockstorageRequests.GetVolumeGroup(volumeGroupId), cancellationToken, call);

        public Task<OciResult<List<VolumeGroup>>> ListVolumeGroupsAsync(string compartmentId, int? limit, string? page, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            _http.SendAsync<List<VolumeGroup>>(BlockstorageRequests.ListVolumeGroups(compartmentId, limit, page), cancellationToken, call);
    }
}
