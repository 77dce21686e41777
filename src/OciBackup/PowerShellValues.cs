using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using OciBackup.Engine.Http;

namespace OciBackup
{
    /// <summary>Between PowerShell objects (hashtables, PSCustomObjects, arrays) and the plain values the engine's JSON works with.</summary>
    internal static class PowerShellValues
    {
        /// <summary>Hashtables and PSCustomObjects become dictionaries, arrays lists, PSObject wrappers are removed.</summary>
        public static object? ToPlain(object? value)
        {
            if (value is PSObject wrapped)
            {
                if (wrapped.BaseObject is PSCustomObject)
                {
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var property in wrapped.Properties)
                    {
                        map[property.Name] = ToPlain(property.Value);
                    }

                    return map;
                }

                value = wrapped.BaseObject;
            }

            switch (value)
            {
                case null:
                case string _:
                    return value;
                case IDictionary dictionary:
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        map[Convert.ToString(ToPlain(entry.Key), CultureInfo.InvariantCulture)!] = ToPlain(entry.Value);
                    }

                    return map;
                case IEnumerable sequence:
                    var list = new List<object?>();
                    foreach (var item in sequence)
                    {
                        list.Add(ToPlain(item));
                    }

                    return list;
                default:
                    return value;
            }
        }

        /// <summary>Parsed JSON as PowerShell users expect it: objects as PSCustomObjects, arrays as object[].</summary>
        public static object? FromPlain(object? value)
        {
            switch (value)
            {
                case JsonProperties properties:
                    var result = new PSObject();
                    foreach (var property in properties)
                    {
                        result.Properties.Add(new PSNoteProperty(property.Key, FromPlain(property.Value)));
                    }

                    return result;
                case List<object?> list:
                    var array = new object?[list.Count];
                    for (var i = 0; i < list.Count; i++)
                    {
                        array[i] = FromPlain(list[i]);
                    }

                    return array;
                default:
                    return value;
            }
        }

        public static string? QueryText(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case bool flag:
                    return flag ? "true" : "false";
                case DateTimeOffset time:
                    return time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                case DateTime time:
                    return time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                default:
                    return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }
    }
}
