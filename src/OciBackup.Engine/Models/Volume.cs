using System;
using System.Collections;
using System.Collections.Specialized;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Models
{
    /// <summary>A block volume as the service returns it.</summary>
    public sealed class Volume : ILifecycleResource
    {
        [JsonPropertyName("id")]
        public string Id { get; set; } = string.Empty;

        [JsonPropertyName("compartmentId")]
        public string? CompartmentId { get; set; }

        [JsonPropertyName("availabilityDomain")]
        public string? AvailabilityDomain { get; set; }

        [JsonPropertyName("displayName")]
        public string? DisplayName { get; set; }

        /// <summary>PROVISIONING, RESTORING, AVAILABLE, TERMINATING, TERMINATED or FAULTY, exactly as the service sent it.</summary>
        [JsonPropertyName("lifecycleState")]
        public string? LifecycleState { get; set; }

        [JsonPropertyName("sizeInGBs")]
        public long? SizeInGBs { get; set; }

        [JsonPropertyName("sizeInMBs")]
        public long? SizeInMBs { get; set; }

        /// <summary>Performance units per GB: 0 lower cost, 10 balanced, 20 higher performance, 30 to 120 ultra high.</summary>
        [JsonPropertyName("vpusPerGB")]
        public long? VpusPerGB { get; set; }

        [JsonPropertyName("kmsKeyId")]
        public string? KmsKeyId { get; set; }

        /// <summary>False while a volume restored from a backup is still copying its data in, even when AVAILABLE.</summary>
        [JsonPropertyName("isHydrated")]
        public bool? IsHydrated { get; set; }

        [JsonPropertyName("volumeGroupId")]
        public string? VolumeGroupId { get; set; }

        [JsonPropertyName("timeCreated")]
        public DateTimeOffset? TimeCreated { get; set; }

        /// <summary>Freeform tags, key → string value (case-insensitive keys).</summary>
        [JsonPropertyName("freeformTags")]
        [JsonConverter(typeof(TagsJsonConverter))]
        public Hashtable? FreeformTags { get; set; }

        /// <summary>Defined tags, namespace → hashtable of key → value.</summary>
        [JsonPropertyName("definedTags")]
        [JsonConverter(typeof(TagsJsonConverter))]
        public Hashtable? DefinedTags { get; set; }

        /// <summary>The region the volume is in (<c>us-ashburn-1</c>). Not a field of the service's.</summary>
        [JsonIgnore]
        public string? Region { get; set; }

        /// <summary>
        /// Fields this version does not know yet (and <c>sourceDetails</c>), kept rather than dropped, in the order the service
        /// sent them, as plain values: string, long, double, bool, null, object[] for arrays and an ordered dictionary for objects.
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

        DateTimeOffset? ILifecycleResource.TimeRequested => TimeCreated;

        public override string ToString() => $"{DisplayName} ({Id}) {LifecycleState}";
    }
}
