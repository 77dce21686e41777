using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OciBackup.Emulator.Huawei;

/// <summary>How VBS and RDS read what a request carries: a JSON body, its string fields, single query values and numbers in range.</summary>
internal static class HuaweiRequestReader
{
    /// <summary>The body as JSON; null when it is not JSON.</summary>
    public static JsonDocument? ParseJson(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string field; null when absent or not a string.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A query parameter's first value; null when absent.</summary>
    public static string? Single(IQueryCollection query, string name) => query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>A whole number from min to max, or the fallback when absent; false when present and not such a number.</summary>
    public static bool TryNumber(string? text, int fallback, int min, int max, out int value)
    {
        value = fallback;
        return text is null || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }
}
