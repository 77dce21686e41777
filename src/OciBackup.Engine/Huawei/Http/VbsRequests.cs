using System.Globalization;
using System.Net.Http;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei.Models;

namespace OciBackup.Engine.Huawei.Http
{
    /// <summary>The Volume Backup Service calls, built as Huawei's SDK builds them (the project id through encodeURIComponent, the body as JSON.stringify).</summary>
    internal static class VbsRequests
    {
        /// <summary>The most backups one list page holds.</summary>
        public const int MaxPageSize = 100;

        /// <summary><c>POST /v2/{project_id}/cloudbackups</c>: answers with a job id.</summary>
        public static OciRequest CreateBackup(string projectId, VbsCreateBackupDetails details) =>
            new OciRequest(HttpMethod.Post, $"/v2/{OciRequest.PathSegment(projectId)}/cloudbackups", HwcJson.SerializeToUtf8Bytes(new VbsCreateBackupBody(details)));

        /// <summary><c>GET /v1/{project_id}/jobs/{job_id}</c>.</summary>
        public static OciRequest GetJob(string projectId, string jobId) =>
            new OciRequest(HttpMethod.Get, $"/v1/{OciRequest.PathSegment(projectId)}/jobs/{OciRequest.PathSegment(jobId)}");

        /// <summary><c>GET /v2/{project_id}/backups/{backup_id}</c>.</summary>
        public static OciRequest GetBackup(string projectId, string backupId) =>
            new OciRequest(HttpMethod.Get, $"/v2/{OciRequest.PathSegment(projectId)}/backups/{OciRequest.PathSegment(backupId)}");

        /// <summary><c>GET /v2/{project_id}/backups/detail</c>: one page, from <paramref name="offset"/>.</summary>
        public static OciRequest ListBackups(string projectId, VbsBackupFilter filter, int? offset, int? limit) =>
            new OciRequest(HttpMethod.Get, $"/v2/{OciRequest.PathSegment(projectId)}/backups/detail")
                .WithQuery("name", filter.Name)
                .WithQuery("volume_id", filter.VolumeId)
                .WithQuery("status", filter.Status)
                .WithQuery("sort_key", filter.SortKey)
                .WithQuery("sort_dir", filter.SortDir)
                .WithQuery("offset", offset?.ToString(CultureInfo.InvariantCulture))
                .WithQuery("limit", limit?.ToString(CultureInfo.InvariantCulture));
    }
}
