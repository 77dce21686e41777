using System.Text.Json;
using System.Text.Json.Serialization;
using OciBackup.Engine.Http;

namespace OciBackup.Engine.Huawei.Http
{
    /// <summary>Huawei Cloud's JSON: field names as the APIs spell them (snake_case, on each property), nulls omitted, escaping as JSON.stringify.</summary>
    internal static class HwcJson
    {
        // Numbers may come quoted: some Huawei APIs send sizes and counts as strings.
        public static JsonSerializerOptions Options { get; } = OciJson.Create(JsonStringifyEncoder.Instance, naming: null, JsonNumberHandling.AllowReadingFromString);

        public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

        public static T Deserialize<T>(byte[] utf8Json) => OciJson.Deserialize<T>(utf8Json, Options);
    }
}
