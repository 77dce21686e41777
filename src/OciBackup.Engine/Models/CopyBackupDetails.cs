using System.Text.Json.Serialization;

namespace OciBackup.Engine.Models
{
    /// <summary>
    /// The body of CopyVolumeBackup and CopyVolumeGroupBackup (the same three fields), in the SDK's alphabetical
    /// order. There is no tag or compartment field: the copy takes the source's tags.
    /// </summary>
    internal sealed class CopyBackupDetails
    {
        public CopyBackupDetails(string destinationRegion)
        {
            DestinationRegion = destinationRegion;
        }

        /// <summary>The region identifier (<c>us-phoenix-1</c>) the copy is made in.</summary>
        [JsonPropertyName("destinationRegion")]
        [JsonPropertyOrder(1)]
        public string DestinationRegion { get; }

        [JsonPropertyName("displayName")]
        [JsonPropertyOrder(2)]
        public string? DisplayName { get; set; }

        /// <summary>A Vault key in the destination region; omitted for an Oracle-managed key.</summary>
        [JsonPropertyName("kmsKeyId")]
        [JsonPropertyOrder(3)]
        public string? KmsKeyId { get; set; }
    }
}
