using System;
using System.Collections;
using System.Globalization;

namespace OciBackup.Engine.Listing
{
    /// <summary>
    /// One freeform tag a resource must carry, with a value that passes a test. OCI's lists cannot filter by tag, so
    /// this is applied to what they return. Keys compare without regard to case, as OCI's freeform tag keys do.
    /// </summary>
    internal sealed class FreeformTagCondition
    {
        private readonly Func<string?, bool> _value;

        /// <param name="value">The test of the tag's value (a wildcard pattern, for a cmdlet).</param>
        /// <param name="description">How a person reads the test: <c>backup like 'nightly'</c>.</param>
        public FreeformTagCondition(string key, Func<string?, bool> value, string description)
        {
            Key = key ?? throw new ArgumentNullException(nameof(key));
            _value = value ?? throw new ArgumentNullException(nameof(value));
            Description = description;
        }

        public string Key { get; }

        public string Description { get; }

        public bool Admits(IDictionary? tags)
        {
            if (tags == null)
            {
                return false;
            }

            foreach (DictionaryEntry tag in tags)
            {
                if (string.Equals(Convert.ToString(tag.Key, CultureInfo.InvariantCulture), Key, StringComparison.OrdinalIgnoreCase))
                {
                    return _value(Convert.ToString(tag.Value, CultureInfo.InvariantCulture));
                }
            }

            return false;
        }

        public override string ToString() => Description;
    }
}
