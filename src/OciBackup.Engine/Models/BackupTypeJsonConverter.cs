using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Models
{
    /// <summary>Writes <see cref="BackupType"/> as the service spells it.</summary>
    internal sealed class BackupTypeJsonConverter : JsonConverter<BackupType>
    {
        public override BackupType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            if (string.Equals(text, "FULL", StringComparison.OrdinalIgnoreCase))
            {
                return BackupType.Full;
            }

            if (string.Equals(text, "INCREMENTAL", StringComparison.OrdinalIgnoreCase))
            {
                return BackupType.Incremental;
            }

            throw new JsonException($"'{text}' is not a backup type (FULL or INCREMENTAL).");
        }

        public override void Write(Utf8JsonWriter writer, BackupType value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value == BackupType.Full ? "FULL" : "INCREMENTAL");
    }
}
