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

        public static OciRequest GetVolume(string volumeId) =>
            new OciRequest(HttpMethod.Get, ApiVersionPath + "/volumes/" + OciRequest.PathSegment(volumeId));

        public static OciRequest ListVolumes(string compartmentId, string? volumeGroupId = null, int? limit = null, string? page = null, string? displayName = null, string? lifecycleState = null) =>
            new OciRequest(HttpMethod.Get, ApiVersionPath + "/volumes")
                .WithQuery("compartmentId", compartmentId)
                .WithQuery("limit", Number(limit))
                .WithQuery("page", page)
                .WithQuery("displayName", displayName)
                .WithQuery("volumeGroupId", volumeGroupId)
                .WithQuery("lifecycleState", lifecycleState);

        public static OciRequest GetVolumeGroup(string volumeGroupId) =>
            new OciRequest(HttpMethod.Get, ApiVersionPath + "/volumeGroups/" + OciRequest.PathSegment(volumeGroupId));

        public static OciRequest ListVolumeGroups(string compartmentId, int? limit = null, string? page = null, string? displayName = null, string? lifecycleState = null) =>
            new OciRequest(HttpMethod.Get, ApiVersionPath + "/volumeGroups")
                .WithQuery("compartmentId", compartmentId)
                .WithQuery("limit", Number(limit))
                .WithQuery("page", page)
                .WithQuery("displayName", displayName)
                .WithQuery("lifecycleState", lifecycleState);

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
