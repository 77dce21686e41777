using System.Text.Json.Serialization;

namespace OciBackup.Engine.Models
{
    /// <summary>An availability domain of a region. Names differ per tenancy (<c>Uocm:PHX-AD-1</c>): list them, never build them.</summary>
    internal sealed class AvailabilityDomain
    {
        [JsonPropertyName("name")]
        public string Name { get; set; } = string.Empty;

        [JsonPropertyName("id")]
        public string? Id { get; set; }

        [JsonPropertyName("compartmentId")]
        public string? CompartmentId { get; set; }

        public override string ToString() => Name;
    }
}
