using System.Text.Json.Serialization;

namespace OciBackup.Engine.Models
{
    /// <summary>
    /// CreateVolumeGroup's <c>sourceDetails</c> for a restore. The member is <c>volumeGroupBackupId</c>, not <c>id</c>
    /// as for volumes: <c>{"type": "volumeGroupBackupId", "volumeGroupBackupId": "&lt;backup&gt;"}</c>.
    /// </summary>
    internal sealed class VolumeGroupSourceDetails
    {
        public VolumeGroupSourceDetails(string volumeGroupBackupId)
        {
            VolumeGroupBackupId = volumeGroupBackupId;
        }

        [JsonPropertyName("type")]
        [JsonPropertyOrder(1)]
        public string Type => "volumeGroupBackupId";

        [JsonPropertyName("volumeGroupBackupId")]
        [JsonPropertyOrder(2)]
        public string VolumeGroupBackupId { get; }
    }
}
