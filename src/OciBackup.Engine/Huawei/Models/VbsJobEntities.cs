using System.Text.Json.Serialization;

namespace OciBackup.Engine.Huawei.Models
{
    /// <summary>What a VBS job names: the backup it made (on success), the disk and snapshot.</summary>
    internal sealed class VbsJobEntities
    {
        [JsonPropertyName("backup_id")]
        public string? BackupId { get; set; }

        [JsonPropertyName("volume_id")]
        public string? VolumeId { get; set; }

        [JsonPropertyName("snapshot_id")]
        public string? SnapshotId { get; set; }
    }
}
