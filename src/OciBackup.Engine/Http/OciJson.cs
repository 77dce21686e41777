using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Http
{
    /// <summary>The one set of JSON options, built once: camelCase as the service, nulls omitted, Newtonsoft-identical escaping, unknown fields ignored.</summary>
    internal static class OciJson
    {
        public static JsonSerializerOptions Options { get; } = Create(NewtonsoftCompatibleJavaScriptEncoder.Instance, JsonNamingPolicy.CamelCase);

        public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

        public static T Deserialize<T>(byte[] utf8Json) => Deserialize<T>(utf8Json, Options);

        /// <summary>A body read with a cloud's options; JSON null is not a body.</summary>
        internal static T Deserialize<T>(byte[] utf8Json, JsonSerializerOptions options)
        {
            var value = JsonSerializer.Deserialize<T>(utf8Json, options);
            return value ?? throw new JsonException("The response body was JSON null.");
        }

        /// <summary>
        /// The options every cloud's JSON shares (nulls omitted, compact, comments and trailing commas read), with its own
        /// escaping (the body's hash is signed) and naming; built once and read-only.
        /// </summary>
        internal static JsonSerializerOptions Create(JavaScriptEncoder encoder, JsonNamingPolicy? naming, JsonNumberHandling numbers = JsonNumberHandling.Strict)
        {
            var options = new JsonSerializerOptions
            {
                PropertyNamingPolicy = naming,
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                Encoder = encoder,
                WriteIndented = false,
                ReadCommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
                NumberHandling = numbers,
            };
            options.MakeReadOnly(populateMissingResolver: true);
            return options;
        }
    }
}
