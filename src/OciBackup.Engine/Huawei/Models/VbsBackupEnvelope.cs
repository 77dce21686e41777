using System.Text.Json.Serialization;

namespace OciBackup.Engine.Huawei.Models
{
    /// <summary><c>GET /v2/{project_id}/backups/{id}</c>: <c>{"backup": {...}}</c>.</summary>
    internal sealed class VbsBackupEnvelope
    {
        [JsonPropertyName("backup")]
        public HwcVolumeBackup? Backup { get; set; }
    }
}
