using System.Globalization;
using System.Net.Http;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei.Models;

namespace OciBackup.Engine.Huawei.Http
{
    /// <summary>The RDS v3 backup calls, built as Huawei's SDK builds them; each carries X-Language (signed), as the generated client sends it.</summary>
    internal static class RdsRequests
    {
        public const string LanguageHeader = "X-Language";

        /// <summary>English messages: they reach error records a person reads.</summary>
        public const string English = "en-us";

        /// <summary>The most backups one list page holds (the API's range is 1 to 100).</summary>
        public const int MaxPageSize = 100;

        /// <summary><c>POST /v3/{project_id}/backups</c>: answers with the backup, BUILDING. <paramref name="language"/> null sends no X-Language.</summary>
        public static OciRequest CreateBackup(string projectId, RdsCreateBackupDetails details, string? language = English) =>
            new OciRequest(HttpMethod.Post, $"/v3/{OciRequest.PathSegment(projectId)}/backups", HwcJson.SerializeToUtf8Bytes(details))
                .WithHeader(LanguageHeader, language);

        /// <summary><c>GET /v3/{project_id}/backups?instance_id=…</c>: one page of an instance's backups, from <paramref name="offset"/>.</summary>
        public static OciRequest ListBackups(string projectId, RdsBackupFilter filter, int? offset, int? limit, string? language = English) =>
            new OciRequest(HttpMethod.Get, $"/v3/{OciRequest.PathSegment(projectId)}/backups")
                .WithHeader(LanguageHeader, language)
                .WithQuery("instance_id", filter.InstanceId)
                .WithQuery("backup_id", filter.BackupId)
                .WithQuery("backup_type", filter.BackupType)
                .WithQuery("offset", offset?.ToString(CultureInfo.InvariantCulture))
                .WithQuery("limit", limit?.ToString(CultureInfo.InvariantCulture))
                .WithQuery("begin_time", filter.BeginTime == null ? null : HwcTimeJsonConverter.Format(filter.BeginTime.Value))
                .WithQuery("end_time", filter.EndTime == null ? null : HwcTimeJsonConverter.Format(filter.EndTime.Value));
    }
}
