using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Models
{
    /// <summary>The body of CreateVolumeGroupBackup, in the SDK's (alphabetical) property order.</summary>
    internal sealed class CreateVolumeGroupBackupDetails
    {
        public CreateVolumeGroupBackupDetails(string volumeGroupId)
        {
            VolumeGroupId = volumeGroupId;
        }

        [JsonPropertyName("compartmentId")]
        [JsonPropertyOrder(1)]
        public string? CompartmentId { get; set; }

        [JsonPropertyName("definedTags")]
        [JsonPropertyOrder(2)]
        [JsonConverter(typeof(DefinedTagsJsonConverter))]
        public Dictionary<string, Dictionary<string, object>>? DefinedTags { get; set; }

        [JsonPropertyName("displayName")]
        [JsonPropertyOrder(3)]
        public string? DisplayName { get; set; }

        [JsonPropertyName("freeformTags")]
        [JsonPropertyOrder(4)]
        public Dictionary<string, string>? FreeformTags { get; set; }

        [JsonPropertyName("type")]
        [JsonPropertyOrder(5)]
        [JsonConverter(typeof(BackupTypeJsonConverter))]
        public BackupType? Type { get; set; }

        [JsonPropertyName("volumeGroupId")]
        [JsonPropertyOrder(6)]
        public string? VolumeGroupId { get; set; }
    }
}
