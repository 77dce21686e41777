using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// JSON as plain .NET values, for calls the module does not model (Invoke-OciRestMethod): objects
    /// become ordered string-keyed dictionaries, arrays lists, numbers long or double, and back.
    /// </summary>
    internal static class JsonValues
    {
        /// <summary>Parses a response body; an empty body is null.</summary>
        public static object? Parse(byte[] utf8Json)
        {
            if (utf8Json.Length == 0)
            {
                return null;
            }

            using var document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return ToValue(document.RootElement);
        }

        /// <summary>Serialises dictionaries, lists and scalars as the service expects (Newtonsoft-identical escaping).</summary>
        public static byte[] Serialize(object? value) => JsonSerializer.SerializeToUtf8Bytes(Normalize(value), OciJson.Options);

        private static object? ToValue(JsonElement element) =>
            ToPlain(element, () => new JsonProperties(), (map, name, value) => ((JsonProperties)map).Add(new KeyValuePair<string, object?>(name, value)), items => items);

        /// <summary>
        /// A JSON value as plain .NET values: strings, long or double, bool, null, and containers the caller chooses
        /// (<paramref name="newObject"/> and <paramref name="setField"/> for objects, <paramref name="toArray"/> for arrays).
        /// </summary>
        internal static object? ToPlain(JsonElement element, Func<object> newObject, Action<object, string, object?> setField, Func<List<object?>, object> toArray)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = newObject();
                    foreach (var property in element.EnumerateObject())
                    {
                        setField(map, property.Name, ToPlain(property.Value, newObject, setField, toArray));
                    }

                    return map;
                case JsonValueKind.Array:
                    var list = new List<object?>();
                    foreach (var item in element.EnumerateArray())
                    {
                        list.Add(ToPlain(item, newObject, setField, toArray));
                    }

                    return toArray(list);
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    return element.TryGetInt64(out var whole) ? whole : (object)element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }

        private static object? Normalize(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case string _:
                case bool _:
                    return value;
                case DateTimeOffset time:
                    return time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
                case DateTime time:
                    return time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
                case IDictionary dictionary:
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        map[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture)!] = Normalize(entry.Value);
                    }

                    return map;
                case IEnumerable sequence:
                    var list = new List<object?>();
                    foreach (var item in sequence)
                    {
                        list.Add(Normalize(item));
                    }

                    return list;
                default:
                    return value.GetType().IsPrimitive || value is decimal ? value : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
