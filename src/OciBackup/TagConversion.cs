using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using OciBackup.Engine.Models;

namespace OciBackup
{
    /// <summary>
    /// Turns the hashtables a user types (<c>@{ env = 'prod' }</c>, <c>@{ Ops = @{ CostCenter = 42 } }</c>)
    /// into the string-valued tags the service accepts: numbers and booleans become their invariant
    /// text; anything richer is refused with the tag named. Ordered dictionaries keep their order.
    /// </summary>
    internal static class TagConversion
    {
        public static Dictionary<string, string>? Freeform(IDictionary? tags, List<InputProblem> problems)
        {
            if (tags == null)
            {
                return null;
            }

            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in tags)
            {
                var key = Text(entry.Key) ?? string.Empty;
                var value = Scalar(entry.Value);
                if (value == null)
                {
                    problems.Add(new InputProblem("freeformTags", key, $"Freeform tag '{key}' must have a text value, not {Describe(entry.Value)}."));
                    continue;
                }

                result[key] = value;
            }

            return result;
        }

        public static Dictionary<string, Dictionary<string, object>>? Defined(IDictionary? tags, List<InputProblem> problems)
        {
            if (tags == null)
            {
                return null;
            }

            var result = new Dictionary<string, Dictionary<string, object>>(StringComparer.Ordinal);
            foreach (DictionaryEntry ns in tags)
            {
                var name = Text(ns.Key) ?? string.Empty;
                if (!(Unwrap(ns.Value) is IDictionary inner))
                {
                    problems.Add(new InputProblem("definedTags", name, $"Defined tags are namespace = @{{ key = 'value' }}; '{name}' holds {Describe(ns.Value)}."));
                    continue;
                }

                var values = new Dictionary<string, object>(StringComparer.Ordinal);
                foreach (DictionaryEntry tag in inner)
                {
                    var key = Text(tag.Key) ?? string.Empty;
                    var value = Scalar(tag.Value);
                    if (value == null)
                    {
                        problems.Add(new InputProblem("definedTags", name + "." + key, $"Defined tag {name}.{key} must have a text value, not {Describe(tag.Value)}."));
                        continue;
                    }

                    values[key] = value;
                }

                result[name] = values;
            }

            return result;
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static string? Text(object? value) => Convert.ToString(Unwrap(value), CultureInfo.InvariantCulture);

        private static string? Scalar(object? value)
        {
            switch (Unwrap(value))
            {
                case string text:
                    return text;
                case bool flag:
                    return flag ? "true" : "false";
                case IFormattable number when !(number is DateTime) && !(number is DateTimeOffset):
                    return number.ToString(null, CultureInfo.InvariantCulture);
                case DateTime time:
                    return time.ToString("o", CultureInfo.InvariantCulture);
                case DateTimeOffset time:
                    return time.ToString("o", CultureInfo.InvariantCulture);
                default:
                    return null;
            }
        }

        private static string Describe(object? value)
        {
            var unwrapped = Unwrap(value);
            return unwrapped == null ? "nothing" : "a " + unwrapped.GetType().Name;
        }
    }
}
