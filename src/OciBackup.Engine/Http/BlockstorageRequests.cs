using System;
using System.Globalization;
using System.Net.Http;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// Builds the Core Services (20160918) block-storage calls exactly as Oracle's generated clients
    /// do: path parameters and query values encoded with Uri.EscapeDataString, query parameters in
    /// the SDK request classes' order, unset parameters left out.
    /// </summary>
    internal static class BlockstorageRequests
    {
        public const string ApiVersionPath = "/20160918";

        /// <summary>The list sort by creation time (newest first unless told otherwise).</summary>
        public const string SortByTimeCreated = "TIMECREATED";

        public const string Descending = "DESC";

        public static OciRequest CreateVolumeBackup(CreateVolumeBackupDetails details, string retryToken) =>
            new OciRequest(HttpMethod.Post, ApiVersionPath + "/volumeBackups", OciJson.SerializeToUtf8Bytes(details))
                .WithHeader("opc-retry-token", RequireToken(retryToken));

        public static OciRequest GetVolumeBackup(string volumeBackupId) =>
            new OciRequest(HttpMethod.Get, ApiVersionPath + "/volumeBackups/" + OciRequest.PathSegment(volumeBackupId));

        /// <param name="page">The opc-next-page value exactly as received: opaque, encoded once here.</param>
        public static OciRequest ListVolumeBackups(
            string compartmentId,
            string? volumeId = null,
            int? limit = null,
            string? page = null,
            string? displayName = null,
            string? sourceVolumeBackupId = null,
            string? sortBy = null,
            string? sortOrder = null,
            string? lifecycleState = null) =>
            new OciRequest(HttpMethod.Get, ApiVersionPath + "/volumeBackups")
                .WithQuery("compartmentId", compartmentId)
                .WithQuery("volumeId", volumeId)
                .WithQuery("limit", Number(limit))
                .WithQuery("page", page)
                .WithQuery("displayName", displayName)
                .WithQuery("sourceVolumeBackupId", sourceVolumeBackupId)
                .WithQuery("sortBy", sortBy)
                .WithQuery("sortOrder", sortOrder)
                .WithQuery("lifecycleState", lifecycleState);

        public static OciRequest CreateVolumeGroupBackup(CreateVolumeGroupBackupDetails details, string retryToken) =>
            new OciRequest(HttpMethod.Post, ApiVersionPath + "/volumeGroupBackups", OciJson.SerializeToUtf8Bytes(details))
                .WithHeader("opc-retry-token", RequireToken(retryToken));

        public static OciRequest GetVolumeGroupBackup(string volumeGroupBackupId) =>
            new OciRequest(HttpMethod.Get, ApiVersionPath + "/volumeGroupBackups/" + OciRequest.PathSegment(volumeGroupBackupId));

        public static OciRequest ListVolumeGroupBackups(
            string compartmentId,
            string? volumeGroupId = null,
            int? limit = null,
            string? page = null,
            string? displayName = null,
            string? sortBy = null,
            string? sortOrder = null) =>
            new OciRequest(HttpMethod.Get, ApiVersionPath + "/volumeGroupBackups")
                .WithQuery("compartmentId", compartmentId)
                .WithQuery("volumeGroupId", volumeGroupId)
                .WithQuery("limit", Number(limit))
                .WithQuery("page", page)
                .WithQuery("displayName", displayName)
                .WithQuery("sortBy", sortBy)
                .WithQuery("sortOrder", sortOrder);

        public static OciRequest ListVolumeBackups(BackupFilter filter, int? limit, string? page) =>
            ListVolumeBackups(filter.CompartmentId, filter.SourceId, limit, page, filter.DisplayName, filter.CopiedFromId, filter.SortBy, filter.SortOrder, filter.LifecycleState);

        /// <summary>The service has no lifecycle state or copied-from filter here: <see cref="BackupFilter"/>'s are applied by the caller.</summary>
        public static OciRequest ListVolumeGroupBackups(BackupFilter filter, int? limit, string? page) =>
            ListVolumeGroupBackups(filter.CompartmentId, filter.SourceId, limit, page, filter.DisplayName, filter.SortBy, filter.SortOrder);

        /// <summary>Copies a backup to another region. Sent to the source region; the answer describes the copy, which lives in the destination.</summary>
        public static OciRequest CopyVolumeBackup(string volumeBackupId, CopyBackupDetails details, string retryToken) =>
            new OciRequest(HttpMethod.Post, ApiVersionPath + "/volumeBackups/" + OciRequest.PathSegment(volumeBackupId) + "/actions/copy", OciJson.SerializeToUtf8Bytes(details))
                .WithHeader("opc-retry-token", RequireToken(retryToken));

        public static OciRequest CopyVolumeGroupBackup(string volumeGroupBackupId, CopyBackupDetails details, string retryToken) =>
            new OciRequest(HttpMethod.Post, ApiVersionPath + "/volumeGroupBackups/" + OciRequest.PathSegment(volumeGroupBackupId) + "/actions/copy", OciJson.SerializeToUtf8Bytes(details))
                .WithHeader("opc-retry-token", RequireToken(retryToken));

        /// <param name="ifMatch">An etag from an earlier answer: delete only if it has not changed since; null to delete whatever it is now.</param>
        public static OciRequest DeleteVolumeBackup(string volumeBackupId, string? ifMatch = null) =>
            new OciRequest(HttpMethod.Delete, ApiVersionPath + "/volumeBackups/" + OciRequest.PathSegment(volumeBackupId))
                .WithHeader("if-match", ifMatch);

        /// <summary>Deletes a group backup and with it every member volume backup.</summary>
        public static OciRequest DeleteVolumeGroupBackup(string volumeGroupBackupId, string? ifMatch = null) =>
            new OciRequest(HttpMethod.Delete, ApiVersionPath + "/volumeGroupBackups/" + OciRequest.PathSegment(volumeGroupBackupId))
                .WithHeader("if-match", ifMatch);

        public static OciRequest GetVolume(string volumeId) =>
            new OciRequest(HttpMethod.Get, ApiVersionPath + "/volumes/" + OciRequest.PathSegment(volumeId));

        public static OciRequest ListVolumes(VolumeFilter filter, int? limit = null, string? page = null) =>
            VolumeList("/volumes", filter, limit, page).WithQuery("volumeGroupId", filter.VolumeGroupId).WithQuery("lifecycleState", filter.LifecycleState);

        /// <summary>Restores a volume backup as a new volume in the backup's region.</summary>
        public static OciRequest CreateVolume(CreateVolumeDetails details, string retryToken) =>
            new OciRequest(HttpMethod.Post, ApiVersionPath + "/volumes", OciJson.SerializeToUtf8Bytes(details))
                .WithHeader("opc-retry-token", RequireToken(retryToken));

        public static OciRequest GetVolumeGroup(string volumeGroupId) =>
            new OciRequest(HttpMethod.Get, ApiVersionPath + "/volumeGroups/" + OciRequest.PathSegment(volumeGroupId));

        /// <exception cref="ArgumentException">The filter names a volume group: only volumes have that filter.</exception>
        public static OciRequest ListVolumeGroups(VolumeFilter filter, int? limit = null, string? page = null)
        {
            if (filter.VolumeGroupId != null)
            {
                throw new ArgumentException("Volume groups cannot be listed by volume group.", nameof(filter));
            }

            return VolumeList("/volumeGroups", filter, limit, page).WithQuery("lifecycleState", filter.LifecycleState);
        }

        /// <summary>Restores a volume group backup as a new volume group (with a new volume per member) in the backup's region.</summary>
        public static OciRequest CreateVolumeGroup(CreateVolumeGroupDetails details, string retryToken) =>
            new OciRequest(HttpMethod.Post, ApiVersionPath + "/volumeGroups", OciJson.SerializeToUtf8Bytes(details))
                .WithHeader("opc-retry-token", RequireToken(retryToken));

        /// <summary>The query both volume lists start with, in the SDK's order.</summary>
        private static OciRequest VolumeList(string path, VolumeFilter filter, int? limit, string? page) =>
            new OciRequest(HttpMethod.Get, ApiVersionPath + path)
                .WithQuery("availabilityDomain", filter.AvailabilityDomain)
                .WithQuery("compartmentId", filter.CompartmentId)
                .WithQuery("limit", Number(limit))
                .WithQuery("page", page)
                .WithQuery("displayName", filter.DisplayName)
                .WithQuery("sortBy", filter.SortBy)
                .WithQuery("sortOrder", filter.SortOrder);

        private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

        private static string RequireToken(string retryToken)
        {
            if (string.IsNullOrEmpty(retryToken) || retryToken.Length > 64)
            {
                throw new ArgumentException("A retry token is 1 to 64 characters.", nameof(retryToken));
            }

            return retryToken;
        }
    }
}
