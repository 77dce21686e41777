using System.Text.Json;
using OciBackup.Emulator.Inventory;

namespace OciBackup.Emulator.Api;

/// <summary>
/// Reads the fields of a request body as the service validates them: a field of the wrong type or length is
/// InvalidParameter with a message that starts with the field's name; JSON null counts as absent.
/// </summary>
internal static class JsonFields
{
    public const int MaxOcidLength = 255;
    public const int MaxDisplayNameLength = 255;
    private const int MaxTagKeyLength = 100;
    private const int MaxTagValueLength = 256;

    private static readonly JsonDocumentOptions StrictJson = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 };

    /// <summary>Malformed JSON, an empty body or a body that is not an object is CannotParseRequest.</summary>
    public static ApiError? ParseObject(ReadOnlyMemory<byte> body, out JsonDocument? document)
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

    public static bool TryGet(JsonElement root, string name, out JsonElement value)
    {
        if (root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    public static ApiError? RequiredString(JsonElement root, string name, int maxLength, ref string? value, string? field = null)
    {
        if (!TryGet(root, name, out _))
        {
            return ApiError.InvalidParameter(field ?? name, "is required and must not be null.");
        }

        return OptionalString(root, name, maxLength, ref value, field);
    }

    public static ApiError? OptionalString(JsonElement root, string name, int maxLength, ref string? value, string? field = null)
    {
        if (!TryGet(root, name, out JsonElement element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return ApiError.InvalidParameter(field ?? name, "must be a string.");
        }

        string text = element.GetString()!;
        if (text.Length < 1 || text.Length > maxLength)
        {
            return ApiError.InvalidParameter(field ?? name, $"length must be between 1 and {maxLength}.");
        }

        value = text;
        return null;
    }

    /// <summary>A string that must be one of <paramref name="allowed"/> (exactly, as the service's enums are).</summary>
    public static ApiError? OptionalChoice(JsonElement root, string name, IReadOnlyCollection<string> allowed, ref string? value, string? field = null)
    {
        if (!TryGet(root, name, out JsonElement element))
        {
            return null;
        }

        string? text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        if (text is null || !allowed.Contains(text))
        {
            return ApiError.InvalidParameter(field ?? name, "must be one of " + string.Join(", ", allowed) + ".");
        }

        value = text;
        return null;
    }

    public static ApiError? OptionalInteger(JsonElement root, string name, long min, long max, ref long? value)
    {
        if (!TryGet(root, name, out JsonElement element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out long number))
        {
            return ApiError.InvalidParameter(name, "must be a whole number.");
        }

        if (number < min || number > max)
        {
            return ApiError.InvalidParameter(name, $"must be between {min} and {max}.");
        }

        value = number;
        return null;
    }

    /// <summary>freeformTags (string→string) and definedTags (namespace→(string→string)); null when the body has neither.</summary>
    public static ApiError? ReadTags(JsonElement root, ref Tags? tags)
    {
        bool hasFreeform = TryGet(root, "freeformTags", out JsonElement free);
        bool hasDefined = TryGet(root, "definedTags", out JsonElement def);
        if (!hasFreeform && !hasDefined)
        {
            return null;
        }

        var freeform = new List<KeyValuePair<string, string>>();
        var defined = new List<KeyValuePair<string, IReadOnlyList<KeyValuePair<string, string>>>>();
        if (hasFreeform && ReadStringMap(free, "freeformTags", freeform) is { } freeformError)
        {
            return freeformError;
        }

        if (hasDefined)
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
                if (ReadStringMap(ns.Value, "definedTags." + ns.Name, entries) is { } error)
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
}
