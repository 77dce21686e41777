using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Models
{
    /// <summary>
    /// What CreateVolume and CreateVolumeGroup bodies share when they restore a backup. The order numbers leave room
    /// for each body's own fields, so both serialise in the SDK's alphabetical order.
    /// </summary>
    internal abstract class CreateFromBackupDetails<TSource>
    {
        protected CreateFromBackupDetails(string availabilityDomain, string compartmentId, TSource sourceDetails)
        {
            AvailabilityDomain = availabilityDomain;
            CompartmentId = compartmentId;
            SourceDetails = sourceDetails;
        }

        [JsonPropertyName("availabilityDomain")]
        [JsonPropertyOrder(1)]
        public string AvailabilityDomain { get; }

        [JsonPropertyName("compartmentId")]
        [JsonPropertyOrder(2)]
        public string CompartmentId { get; }

        [JsonPropertyName("definedTags")]
        [JsonPropertyOrder(3)]
        [JsonConverter(typeof(DefinedTagsJsonConverter))]
        public Dictionary<string, Dictionary<string, object>>? DefinedTags { get; set; }

        [JsonPropertyName("displayName")]
        [JsonPropertyOrder(4)]
        public string? DisplayName { get; set; }

        [JsonPropertyName("freeformTags")]
        [JsonPropertyOrder(5)]
        public Dictionary<string, string>? FreeformTags { get; set; }

        [JsonPropertyName("sourceDetails")]
        [JsonPropertyOrder(8)]
        public TSource SourceDetails { get; }
    }
}
