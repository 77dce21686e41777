using System.Buffers;
using System.Text.Json;

namespace OciBackup.Emulator.Api;

/// <summary>Serialises the OCI error body.</summary>
internal static class ErrorJson
{
    public static byte[] Serialize(ApiError error)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("code", error.Code);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
