using System;

namespace OciBackup.Engine.Huawei.Models
{
    /// <summary>The filters of <c>GET /v3/{project_id}/backups</c>: an instance (required), and optionally one backup, a type and a time window.</summary>
    internal sealed class RdsBackupFilter
    {
        public RdsBackupFilter(string instanceId)
        {
            InstanceId = instanceId;
        }

        public string InstanceId { get; }

        public string? BackupId { get; set; }

        /// <summary><c>auto</c>, <c>manual</c>, <c>fragment</c> or <c>incremental</c>.</summary>
        public string? BackupType { get; set; }

        /// <summary>With <see cref="EndTime"/>: backups begun in this window (the service requires both).</summary>
        public DateTimeOffset? BeginTime { get; set; }

        public DateTimeOffset? EndTime { get; set; }
    }
}
