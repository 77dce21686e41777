using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Huawei.Models
{
    /// <summary><c>GET /v2/{project_id}/backups/detail</c>: one page of backups.</summary>
    internal sealed class VbsBackupPage
    {
        [JsonPropertyName("backups")]
        public List<HwcVolumeBackup>? Backups { get; set; }
    }
}
