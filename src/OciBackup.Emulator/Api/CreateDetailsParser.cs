using System.Buffers;
using System.Text;
using System.Text.Json;
using OciBackup.Emulator.Inventory;

namespace OciBackup.Emulator.Api;

/// <summary>
/// Parses and validates create bodies as the service does: malformed JSON is CannotParseRequest, a field of the
/// wrong type or length is InvalidParameter naming the field. Unknown fields are ignored. JSON null counts as absent.
/// </summary>
internal static class CreateDetailsParser
{
    private const int MaxOcidLength = 255;
    private const int MaxDisplayNameLength = 255;
    private const int MaxTagKeyLength = 100;
    private const int MaxTagValueLength = 256;

    private static readonly JsonDocumentOptions StrictJson = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 };

    public static ApiError? ParseVolumeBackup(ReadOnlyMemory<byte> body, out CreateVolumeBackupDetails? details)
    {
        details = null;
        ApiError? error = ParseObject(body, out JsonDocument? document);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            JsonElement root = document!.RootElement;
            string? volumeId = null, displayName = null, type = null, kmsKeyId = null;
            Tags tags = Tags.Empty;
            error = RequiredString(root, "volumeId", MaxOcidLength, ref volumeId)
                ?? OptionalString(root, "displayName", MaxDisplayNameLength, ref displayName)
                ?? OptionalType(root, ref type)
                ?? OptionalString(root, "kmsKeyId", MaxOcidLength, ref kmsKeyId)
                ?? ReadTags(root, ref tags);
            if (error is not null)
            {
                return error;
            }

            string canonical = Canonical("CreateVolumeBackup", ("volumeId", volumeId), ("displayName", displayName),
                ("type", type), ("kmsKeyId", kmsKeyId), tags);
            details = new CreateVolumeBackupDetails(volumeId!, displayName, type, kmsKeyId, tags, canonical);
            return null;
        }
    }

    public static ApiError? ParseVolumeGroupBackup(ReadOnlyMemory<byte> body, out CreateVolumeGroupBackupDetails? details)
    {
        details = null;
        ApiError? error = ParseObject(body, out JsonDocument? document);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            JsonElement root = document!.RootElement;
            string? volumeGroupId = null, compartmentId = null, displayName = null, type = null;
            Tags tags = Tags.Empty;
            error = RequiredString(root, "volumeGroupId", MaxOcidLength, ref volumeGroupId)
                ?? OptionalString(root, "compartmentId", MaxOcidLength, ref compartmentId)
                ?? OptionalString(root, "displayName", MaxDisplayNameLength, ref displayName)
                ?? OptionalType(root, ref type)
                ?? ReadTags(root, ref tags);
            if (error is not null)
            {
                return error;
            }

            string canonical = Canonical("CreateVolumeGroupBackup", ("volumeGroupId", volumeGroupId),
                ("compartmentId", compartmentId), ("displayName", displayName), ("type", type), tags);
            details = new CreateVolumeGroupBackupDetails(volumeGroupId!, compartmentId, displayName, type, tags, canonical);
            return null;
        }
    }

    private static ApiError? ParseObject(ReadOnlyMemory<byte> body, out JsonDocument? document)
    {
        document = null;
        if (body.IsEmpty)
        {
            return ApiError.CannotParseRequest("The request body is empty; a JSON object is required.");
        }

        try
        {
            document = JsonDocument.Parse(body, StrictJson);
        }
        catch (JsonException)
        {
            return ApiError.CannotParseRequest("The request body is not valid JSON.");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            document = null;
            return ApiError.CannotParseRequest("The request body must be a JSON object.");
        }

        return null;
    }

    private static bool TryGet(JsonElement root, string name, out JsonElement value)
    {
        if (root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    private static ApiError? RequiredString(JsonElement root, string name, int maxLength, ref string? value)
    {
        if (!TryGet(root, name, out _))
        {
            return ApiError.InvalidParameter(name, "is required and must not be null.");
        }

        return OptionalString(root, name, maxLength, ref value);
    }

    private static ApiError? OptionalString(JsonElement root, string name, int maxLength, ref string? value)
    {
        if (!TryGet(root, name, out JsonElement element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return ApiError.InvalidParameter(name, "must be a string.");
        }

        string text = element.GetString()!;
        if (text.Length < 1 || text.Length > maxLength)
        {
            return ApiError.InvalidParameter(name, $"length must be between 1 and {maxLength}.");
        }

        value = text;
        return null;
    }

    private static ApiError? OptionalType(JsonElement root, ref string? value)
    {
        if (!TryGet(root, "type", out JsonElement element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return ApiError.InvalidParameter("type", "must be one of FULL, INCREMENTAL.");
        }

        string text = element.GetString()!;
        if (text != "FULL" && text != "INCREMENTAL")
        {
            return ApiError.InvalidParameter("type", "must be one of FULL, INCREMENTAL.");
        }

        value = text;
        return null;
    }

    private static ApiError? ReadTags(JsonElement root, ref Tags tags)
    {
        var freeform = new List<KeyValuePair<string, string>>();
        var defined = new List<KeyValuePair<string, IReadOnlyList<KeyValuePair<string, string>>>>();
        if (TryGet(root, "freeformTags", out JsonElement free))
        {
            ApiError? error = ReadStringMap(free, "freeformTags", freeform);
            if (error is not null)
            {
                return error;
            }
        }

        if (TryGet(root, "definedTags", out JsonElement def))
        {
            if (def.ValueKind != JsonValueKind.Object)
            {
                return ApiError.InvalidParameter("definedTags", "must be an object of namespaces.");
            }

            foreach (JsonProperty ns in def.EnumerateObject())
            {
                if (ns.Name.Length < 1 || ns.Name.Length > MaxTagKeyLength)
                {
                    return ApiError.InvalidParameter("definedTags", $"namespace length must be between 1 and {MaxTagKeyLength}.");
                }

                var entries = new List<KeyValuePair<string, string>>();
                ApiError? error = ReadStringMap(ns.Value, "definedTags." + ns.Name, entries);
                if (error is not null)
                {
                    return error;
                }

                defined.Add(new(ns.Name, entries));
            }
        }

        tags = freeform.Count == 0 && defined.Count == 0 ? Tags.Empty : new Tags(freeform, defined);
        return null;
    }

    private static ApiError? ReadStringMap(JsonElement element, string field, List<KeyValuePair<string, string>> into)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return ApiError.InvalidParameter(field, "must be an object of string values.");
        }

        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (property.Name.Length < 1 || property.Name.Length > MaxTagKeyLength)
            {
                return ApiError.InvalidParameter(field, $"tag key length must be between 1 and {MaxTagKeyLength}.");
            }

            if (property.Value.ValueKind != JsonValueKind.String)
            {
                return ApiError.InvalidParameter(field, $"value of '{property.Name}' must be a string.");
            }

            string value = property.Value.GetString()!;
            if (value.Length > MaxTagValueLength)
            {
                return ApiError.InvalidParameter(field, $"value of '{property.Name}' is longer than {MaxTagValueLength}.");
            }

            into.Add(new(property.Name, value));
        }

        return null;
    }

    /// <summary>
    /// The request as the retry-token check compares it: the operation and the parsed values in a fixed order
    /// (tags sorted), so the same request sent with keys in another order or other whitespace counts as the same.
    /// </summary>
    private static string Canonical(string operation, (string Name, string? Value) a, (string Name, string? Value) b,
        (string Name, string? Value) c, (string Name, string? Value) d, Tags tags)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("operation", operation);
            foreach ((string name, string? value) in new[] { a, b, c, d })
            {
                if (value is not null)
                {
                    writer.WriteString(name, value);
                }
            }

            writer.WriteStartObject("freeformTags");
            foreach (var tag in tags.Freeform.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                writer.WriteString(tag.Key, tag.Value);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("definedTags");
            foreach (var ns in tags.Defined.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(ns.Key);
                foreach (var tag in ns.Value.OrderBy(t => t.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(tag.Key, tag.Value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
