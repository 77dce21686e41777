using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Models
{
    /// <summary>
    /// The body of CreateVolumeBackup. Properties are declared (and so serialised) in alphabetical
    /// order, as in Oracle's SDK models: the body's hash is signed, so its bytes must match theirs.
    /// </summary>
    internal sealed class CreateVolumeBackupDetails
    {
        public CreateVolumeBackupDetails(string volumeId)
        {
            VolumeId = volumeId;
        }

        [JsonPropertyName("definedTags")]
        [JsonPropertyOrder(1)]
        [JsonConverter(typeof(DefinedTagsJsonConverter))]
        public Dictionary<string, Dictionary<string, object>>? DefinedTags { get; set; }

        [JsonPropertyName("displayName")]
        [JsonPropertyOrder(2)]
        public string? DisplayName { get; set; }

        [JsonPropertyName("freeformTags")]
        [JsonPropertyOrder(3)]
        public Dictionary<string, string>? FreeformTags { get; set; }

        [JsonPropertyName("kmsKeyId")]
        [JsonPropertyOrder(4)]
        public string? KmsKeyId { get; set; }

        [JsonPropertyName("type")]
        [JsonPropertyOrder(5)]
        [JsonConverter(typeof(BackupTypeJsonConverter))]
        public BackupType? Type { get; set; }

        [JsonPropertyName("volumeId")]
        [JsonPropertyOrder(6)]
        public string? VolumeId { get; set; }
    }
}
