using System;
using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Models
{
    /// <summary>
    /// Reads tags into case-insensitive hashtables (what PowerShell users index and print), with plain
    /// .NET values: freeform tags are string → string, defined and system tags namespace → (key → value),
    /// values as string, bool, long or double. Writes them back as JSON objects.
    /// </summary>
    internal sealed class TagsJsonConverter : JsonConverter<Hashtable>
    {
        public override Hashtable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("Tags must be a JSON object.");
            }

            var table = NewTable();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = reader.GetString()!;
                reader.Read();
                var value = reader.TokenType == JsonTokenType.StartObject ? Read(ref reader, typeToConvert, options) : ReadScalar(ref reader);
                if (value != null)
                {
                    table[key] = value;
                }
            }

            return table;
        }

        public override void Write(Utf8JsonWriter writer, Hashtable value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (DictionaryEntry entry in value)
            {
                writer.WritePropertyName(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture)!);
                if (entry.Value is Hashtable nested)
                {
                    Write(writer, nested, options);
                }
                else
                {
                    JsonSerializer.Serialize(writer, entry.Value, entry.Value?.GetType() ?? typeof(object), options);
                }
            }

            writer.WriteEndObject();
        }

        internal static Hashtable NewTable() => new Hashtable(StringComparer.OrdinalIgnoreCase);

        /// <summary>A tag value as a plain .NET value: string, bool, long, double, null, or the JSON text of anything richer.</summary>
        internal static object? ReadScalar(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                    return false;
                case JsonTokenType.Number:
                    return reader.TryGetInt64(out var whole) ? whole : (object)reader.GetDouble();
                case JsonTokenType.Null:
                    return null;
                default:
                    // Anything richer than the service documents is kept as its JSON text.
                    using (var document = JsonDocument.ParseValue(ref reader))
                    {
                        return document.RootElement.GetRawText();
                    }
            }
        }
    }
}
