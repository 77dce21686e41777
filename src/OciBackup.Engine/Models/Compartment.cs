using System;
using System.Collections;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Models
{
    /// <summary>An IAM compartment, as ListCompartments returns it.</summary>
    internal sealed class Compartment
    {
        [JsonPropertyName("id")]
        public string Id { get; set; } = string.Empty;

        /// <summary>The parent compartment (the tenancy for a top-level one).</summary>
        [JsonPropertyName("compartmentId")]
        public string? CompartmentId { get; set; }

        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("description")]
        public string? Description { get; set; }

        [JsonPropertyName("timeCreated")]
        public DateTimeOffset? TimeCreated { get; set; }

        /// <summary>CREATING, ACTIVE, INACTIVE, DELETING or DELETED.</summary>
        [JsonPropertyName("lifecycleState")]
        public string? LifecycleState { get; set; }

        /// <summary>False for a compartment listed only because the caller may inspect one below it (fewer fields then).</summary>
        [JsonPropertyName("isAccessible")]
        public bool? IsAccessible { get; set; }

        [JsonPropertyName("freeformTags")]
        [JsonConverter(typeof(TagsJsonConverter))]
        public Hashtable? FreeformTags { get; set; }

        [JsonPropertyName("definedTags")]
        [JsonConverter(typeof(TagsJsonConverter))]
        public Hashtable? DefinedTags { get; set; }

        public override string ToString() => $"{Name} ({Id})";
    }
}
