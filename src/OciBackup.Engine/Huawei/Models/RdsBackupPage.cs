using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Huawei.Models
{
    /// <summary><c>GET /v3/{project_id}/backups</c>: one page of an instance's backups and how many there are in all.</summary>
    internal sealed class RdsBackupPage
    {
        [JsonPropertyName("backups")]
        public List<HwcRdsBackup>? Backups { get; set; }

        [JsonPropertyName("total_count")]
        public int? TotalCount { get; set; }
    }
}
