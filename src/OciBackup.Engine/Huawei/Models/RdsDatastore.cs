using System.Text.Json.Serialization;

namespace OciBackup.Engine.Huawei.Models
{
    /// <summary>An RDS backup's database engine and version.</summary>
    internal sealed class RdsDatastore
    {
        [JsonPropertyName("type")]
        public string? Type { get; set; }

        [JsonPropertyName("version")]
        public string? Version { get; set; }
    }
}
