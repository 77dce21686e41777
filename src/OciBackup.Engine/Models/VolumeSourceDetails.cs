using System.Text.Json.Serialization;

namespace OciBackup.Engine.Models
{
    /// <summary>CreateVolume's <c>sourceDetails</c> for a restore: <c>{"id": "&lt;backup&gt;", "type": "volumeBackup"}</c>.</summary>
    internal sealed class VolumeSourceDetails
    {
        public VolumeSourceDetails(string volumeBackupId)
        {
            Id = volumeBackupId;
        }

        [JsonPropertyName("id")]
        [JsonPropertyOrder(1)]
        public string Id { get; }

        [JsonPropertyName("type")]
        [JsonPropertyOrder(2)]
        public string Type => "volumeBackup";
    }
}
