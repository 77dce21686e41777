using System.Collections;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Models
{
    /// <summary>A block volume (the fields backups need).</summary>
    internal sealed class Volume
    {
        [JsonPropertyName("id")]
        public string Id { get; set; } = string.Empty;

        [JsonPropertyName("compartmentId")]
        public string? CompartmentId { get; set; }

        [JsonPropertyName("availabilityDomain")]
        public string? AvailabilityDomain { get; set; }

        [JsonPropertyName("displayName")]
        public string? DisplayName { get; set; }

        [JsonPropertyName("lifecycleState")]
        public string? LifecycleState { get; set; }

        [JsonPropertyName("sizeInGBs")]
        public long? SizeInGBs { get; set; }

        [JsonPropertyName("volumeGroupId")]
        public string? VolumeGroupId { get; set; }

        /// <summary>Freeform tags, key → string value (case-insensitive keys).</summary>
        [JsonPropertyName("freeformTags")]
        [JsonConverter(typeof(TagsJsonConverter))]
        public Hashtable? FreeformTags { get; set; }

        /// <summary>Defined tags, namespace → hashtable of key → value.</summary>
        [JsonPropertyName("definedTags")]
        [JsonConverter(typeof(TagsJsonConverter))]
        public Hashtable? DefinedTags { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        public override string ToString() => $"{DisplayName} ({Id})";
    }
}
