using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Huawei.Models
{
    /// <summary>
    /// The <c>backup</c> object of <c>POST /v2/{project_id}/cloudbackups</c>, its fields in the order the SDK writes them
    /// (the body's hash is signed). Unset fields are left out; an empty description or tag list is sent as empty.
    /// </summary>
    internal sealed class VbsCreateBackupDetails
    {
        /// <summary>What <c>extend_param</c> holds to ask for a full backup rather than the service's choice (incremental after the first).</summary>
        public const string FullBackupParameter = "FullBackup";

        public VbsCreateBackupDetails(string volumeId, string name)
        {
            VolumeId = volumeId;
            Name = name;
        }

        [JsonPropertyName("volume_id")]
        public string VolumeId { get; }

        [JsonPropertyName("snapshot_id")]
        public string? SnapshotId { get; set; }

        [JsonPropertyName("name")]
        public string Name { get; }

        [JsonPropertyName("description")]
        public string? Description { get; set; }

        [JsonPropertyName("tags")]
        public List<HwcTag>? Tags { get; set; }

        [JsonPropertyName("extend_param")]
        public Dictionary<string, object>? ExtendParam { get; set; }
    }
}
