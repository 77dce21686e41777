using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Models
{
    /// <summary>
    /// Reads defined tags (namespace → key → value) into plain .NET values (string, bool, long,
    /// double) instead of JsonElement, so they print and compare naturally; writes them as given.
    /// </summary>
    internal sealed class DefinedTagsJsonConverter : JsonConverter<Dictionary<string, Dictionary<string, object>>>
    {
        public override Dictionary<string, Dictionary<string, object>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("definedTags must be an object.");
            }

            var result = new Dictionary<string, Dictionary<string, object>>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var ns = reader.GetString()!;
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new JsonException($"definedTags.{ns} must be an object.");
                }

                var tags = new Dictionary<string, object>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    var value = TagsJsonConverter.ReadScalar(ref reader);
                    if (value != null)
                    {
                        tags[key] = value;
                    }
                }

                result[ns] = tags;
            }

            return result;
        }

        public override void Write(Utf8JsonWriter writer, Dictionary<string, Dictionary<string, object>> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var ns in value)
            {
                writer.WritePropertyName(ns.Key);
                writer.WriteStartObject();
                foreach (var tag in ns.Value)
                {
                    writer.WritePropertyName(tag.Key);
                    JsonSerializer.Serialize(writer, tag.Value, tag.Value?.GetType() ?? typeof(object), options);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }
    }
}
