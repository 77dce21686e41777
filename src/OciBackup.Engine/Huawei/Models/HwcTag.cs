using System.Text.Json.Serialization;

namespace OciBackup.Engine.Huawei.Models
{
    /// <summary>A VBS tag: <c>{"key": "env", "value": "prod"}</c>.</summary>
    internal sealed class HwcTag
    {
        public HwcTag(string key, string value)
        {
            Key = key;
            Value = value;
        }

        [JsonPropertyName("key")]
        public string Key { get; }

        [JsonPropertyName("value")]
        public string Value { get; }
    }
}
