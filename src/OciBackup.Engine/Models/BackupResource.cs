using System;
using System.Collections;
using System.Collections.Specialized;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Models
{
    /// <summary>
    /// What volume backups and volume group backups have in common. Enumerated fields keep the
    /// service's raw string (the service adds values; an unknown one must not break a runbook).
    /// </summary>
    public abstract class BackupResource : ILifecycleResource
    {
        [JsonPropertyName("id")]
        public string Id { get; set; } = string.Empty;

        [JsonPropertyName("compartmentId")]
        public string? CompartmentId { get; set; }

        [JsonPropertyName("displayName")]
        public string? DisplayName { get; set; }

        /// <summary><c>FULL</c> or <c>INCREMENTAL</c> (raw).</summary>
        [JsonPropertyName("type")]
        public string? Type { get; set; }

        /// <summary>The lifecycle state exactly as the service sent it.</summary>
        [JsonPropertyName("lifecycleState")]
        public string? LifecycleState { get; set; }

        /// <summary><c>MANUAL</c> or <c>SCHEDULED</c> (raw).</summary>
        [JsonPropertyName("sourceType")]
        public string? SourceType { get; set; }

        [JsonPropertyName("timeCreated")]
        public DateTimeOffset? TimeCreated { get; set; }

        [JsonPropertyName("timeRequestReceived")]
        public DateTimeOffset? TimeRequestReceived { get; set; }

        /// <summary>Absent for manual backups.</summary>
        [JsonPropertyName("expirationTime")]
        public DateTimeOffset? ExpirationTime { get; set; }

        [JsonPropertyName("sizeInGBs")]
        public long? SizeInGBs { get; set; }

        [JsonPropertyName("sizeInMBs")]
        public long? SizeInMBs { get; set; }

        /// <summary>Freeform tags, key → string value (case-insensitive keys).</summary>
        [JsonPropertyName("freeformTags")]
        [JsonConverter(typeof(TagsJsonConverter))]
        public Hashtable? FreeformTags { get; set; }

        /// <summary>Defined tags, namespace → hashtable of key → value.</summary>
        [JsonPropertyName("definedTags")]
        [JsonConverter(typeof(TagsJsonConverter))]
        public Hashtable? DefinedTags { get; set; }

        /// <summary>System tags, namespace → hashtable of key → value.</summary>
        [JsonPropertyName("systemTags")]
        [JsonConverter(typeof(TagsJsonConverter))]
        public Hashtable? SystemTags { get; set; }

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

        /// <summary>The region the backup is in (<c>us-ashburn-1</c>): later calls about it go there. Not a field of the service's.</summary>
        [JsonIgnore]
        public string? Region { get; set; }

        /// <summary>The lifecycle state as an enum; <see cref="BackupLifecycleState.Unknown"/> for a value this version does not know.</summary>
        [JsonIgnore]
        public BackupLifecycleState State => BackupLifecycleStates.Parse(LifecycleState);

        DateTimeOffset? ILifecycleResource.TimeRequested => TimeRequestReceived ?? TimeCreated;

        public override string ToString() => $"{DisplayName} ({Id}) {LifecycleState}";
    }
}
