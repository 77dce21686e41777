using System.Text.Json.Serialization;

namespace OciBackup.Engine.Models
{
    /// <summary>The body of CreateVolume as a restore sends it (source: a volume backup).</summary>
    internal sealed class CreateVolumeDetails : CreateFromBackupDetails<VolumeSourceDetails>
    {
        public CreateVolumeDetails(string availabilityDomain, string compartmentId, VolumeSourceDetails sourceDetails)
            : base(availabilityDomain, compartmentId, sourceDetails)
        {
        }

        [JsonPropertyName("kmsKeyId")]
        [JsonPropertyOrder(6)]
        public string? KmsKeyId { get; set; }

        [JsonPropertyName("sizeInGBs")]
        [JsonPropertyOrder(7)]
        public long? SizeInGBs { get; set; }

        [JsonPropertyName("vpusPerGB")]
        [JsonPropertyOrder(9)]
        public long? VpusPerGB { get; set; }
    }
}
