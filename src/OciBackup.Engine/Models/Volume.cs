using System.Collections;
using System.Collections.Specialized;
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

        /// <summary>
        /// Fields this version does not know yet, kept rather than dropped, in the order the service sent them, as
        /// plain values: string, long, double, bool, null, object[] for arrays and an ordered dictionary for objects.
        /// </summary>
        [JsonIgnore]
        public OrderedDictionary? AdditionalProperties { get; set; }

        // System.Text.Json's view of AdditionalProperties (see UnknownJsonFields): internal, so no JSON type reaches a user.
        [JsonExtensionData]
        [JsonInclude]
        internal UnknownJsonFields? ExtensionData
        {
            get => AdditionalProperties == null ? null : new UnknownJsonFields(AdditionalProperties);
            set => AdditionalProperties = value?.Fields;
        }

        public override string ToString() => $"{DisplayName} ({Id})";
    }
}
