using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace OciBackup.Engine.Models
{
    /// <summary>
    /// A model's <c>AdditionalProperties</c> as System.Text.Json's extension data sees it. The fields live in the
    /// model's own ordered dictionary, as plain values (string, long, double, bool, null, object[] for arrays, an
    /// ordered dictionary for objects), because that dictionary reaches the pipeline and a JsonElement must not:
    /// it belongs to the engine's private copy of System.Text.Json. Reading converts each field as it is added;
    /// writing serialises the plain values back, in the order they came.
    /// </summary>
    internal sealed class UnknownJsonFields : IDictionary<string, object?>
    {
        /// <summary>System.Text.Json creates one when the first unknown field arrives.</summary>
        public UnknownJsonFields()
            : this(NewObject())
        {
        }

        public UnknownJsonFields(OrderedDictionary fields)
        {
            Fields = fields;
        }

        /// <summary>The model's dictionary, written through.</summary>
        public OrderedDictionary Fields { get; }

        public int Count => Fields.Count;

        public bool IsReadOnly => false;

        public ICollection<string> Keys => Fields.Keys.Cast<object>().Select(KeyText).ToList();

        public ICollection<object?> Values => Fields.Values.Cast<object?>().ToList();

        public object? this[string key]
        {
            get => Fields[key];
            set => Fields[key] = ToPlain(value);
        }

        /// <summary>An ordered dictionary with PowerShell's key rules (<c>[ordered]@{}</c> ignores case).</summary>
        internal static OrderedDictionary NewObject() => new OrderedDictionary(StringComparer.OrdinalIgnoreCase);

        /// <summary>A JSON value as the plain .NET value users read; other values pass through.</summary>
        internal static object? ToPlain(object? value) => value is JsonElement element ? ToPlain(element) : value;

        public void Add(string key, object? value) => Fields.Add(key, ToPlain(value));

        public void Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

        public bool ContainsKey(string key) => Fields.Contains(key);

        public bool Contains(KeyValuePair<string, object?> item) => Fields.Contains(item.Key) && Equals(Fields[item.Key], item.Value);

        public bool TryGetValue(string key, out object? value)
        {
            var found = Fields.Contains(key);
            value = found ? Fields[key] : null;
            return found;
        }

        public bool Remove(string key)
        {
            var found = Fields.Contains(key);
            Fields.Remove(key);
            return found;
        }

        public bool Remove(KeyValuePair<string, object?> item) => Contains(item) && Remove(item.Key);

        public void Clear() => Fields.Clear();

        public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
        {
            foreach (var pair in this)
            {
                array[arrayIndex++] = pair;
            }
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            foreach (DictionaryEntry entry in Fields)
            {
                yield return new KeyValuePair<string, object?>(KeyText(entry.Key), entry.Value);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private static string KeyText(object key) => Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty;

        private static object? ToPlain(JsonElement element) =>
            Http.JsonValues.ToPlain(element, NewObject, (map, name, value) => ((OrderedDictionary)map)[name] = value, items => items.ToArray());
    }
}
