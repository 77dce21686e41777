using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Models
{
    /// <summary>A volume group backup as the service returns it.</summary>
    public sealed class VolumeGroupBackup : BackupResource
    {
        [JsonPropertyName("volumeGroupId")]
        public string? VolumeGroupId { get; set; }

        /// <summary>The member volume backups (at most 64).</summary>
        [JsonPropertyName("volumeBackupIds")]
        public List<string>? VolumeBackupIds { get; set; }

        [JsonPropertyName("sourceVolumeGroupBackupId")]
        public string? SourceVolumeGroupBackupId { get; set; }

        // "Gbs", not "GBs" as on volume backups: the service's own spelling.
        [JsonPropertyName("uniqueSizeInGbs")]
        public long? UniqueSizeInGbs { get; set; }

        [JsonPropertyName("uniqueSizeInMbs")]
        public long? UniqueSizeInMbs { get; set; }
    }
}
