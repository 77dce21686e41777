using System.Text.Json.Serialization;

namespace OciBackup.Engine.Huawei.Models
{
    /// <summary>One database of a partial RDS backup: <c>{"name": "orders"}</c>.</summary>
    internal sealed class RdsDatabaseName
    {
        public RdsDatabaseName()
        {
        }

        public RdsDatabaseName(string name)
        {
            Name = name;
        }

        [JsonPropertyName("name")]
        public string? Name { get; set; }
    }
}
