using System.Text.Json;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Huawei.Http
{
    /// <summary>Huawei Cloud's JSON: field names as the APIs spell them (snake_case, on each property), nulls omitted, escaping as JSON.stringify.</summary>
    internal static class HwcJson
    {
        public static JsonSerializerOptions Options { get; } = Create();

        public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

        public static T Deserialize<T>(byte[] utf8Json)
        {
            var value = JsonSerializer.Deserialize<T>(utf8Json, Options);
            return value ?? throw new JsonException("The response body was JSON null.");
        }

        private static JsonSerializerOptions Create()
        {
            var options = new JsonSerializerOptions
            {
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                Encoder = JsonStringifyEncoder.Instance,
                WriteIndented = false,
                ReadCommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
                NumberHandling = JsonNumberHandling.AllowReadingFromString,
            };
            options.MakeReadOnly(populateMissingResolver: true);
            return options;
        }
    }
}
