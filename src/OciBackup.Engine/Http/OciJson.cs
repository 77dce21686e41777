using System.Text.Json;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Http
{
    /// <summary>The one set of JSON options, built once: camelCase as the service, nulls omitted, Newtonsoft-identical escaping, unknown fields ignored.</summary>
    internal static class OciJson
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
                PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                Encoder = NewtonsoftCompatibleJavaScriptEncoder.Instance,
                WriteIndented = false,
                ReadCommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            };
            options.MakeReadOnly(populateMissingResolver: true);
            return options;
        }
    }
}
