using System.Text.Json.Serialization;

namespace OciBackup.Engine.Models
{
    /// <summary>A block volume backup as the service returns it.</summary>
    public sealed class VolumeBackup : BackupResource
    {
        [JsonPropertyName("volumeId")]
        public string? VolumeId { get; set; }

        [JsonPropertyName("sourceVolumeBackupId")]
        public string? SourceVolumeBackupId { get; set; }

        [JsonPropertyName("kmsKeyId")]
        public string? KmsKeyId { get; set; }

        // The service spells this "GBs" here but "Gbs" on volume group backups.
        [JsonPropertyName("uniqueSizeInGBs")]
        public long? UniqueSizeInGBs { get; set; }

        [JsonPropertyName("uniqueSizeInMbs")]
        public long? UniqueSizeInMbs { get; set; }
    }
}
