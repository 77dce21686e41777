using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace OciBackup.Engine.Models
{
    /// <summary>
    /// The service's input rules (oci-api.md), checked before anything is sent so a bad item fails on
    /// its own with a message that names the field, instead of costing a round trip and a 400.
    /// </summary>
    internal static class InputRules
    {
        public const int MaxNameLength = 255;
        public const int MaxTagKeyLength = 100;
        public const int MaxTagValueLength = 256;

        // ocid1.<type>.<realm>.[region][.future].<unique id>: lower-case letters, digits, '-' and '_' between dots.
        private static readonly Regex OcidShape = new Regex(@"^ocid1\.([a-z0-9]+)\.[a-z0-9-]+\.[a-z0-9._-]*\.[a-z0-9_-]+$", RegexOptions.CultureInvariant);

        /// <summary>Null when <paramref name="value"/> is an OCID of <paramref name="resourceType"/> (<c>volume</c>, <c>volumegroup</c>, ...).</summary>
        public static InputProblem? CheckOcid(string field, string? value, params string[] resourceTypes)
        {
            var expected = string.Join(" or ", Array.ConvertAll(resourceTypes, t => "ocid1." + t + ".…"));
            if (string.IsNullOrWhiteSpace(value))
            {
                return new InputProblem(field, value, $"{field} is empty; expected an OCID ({expected}).");
            }

            var match = value!.Length <= MaxNameLength ? OcidShape.Match(value) : Match.Empty;
            if (!match.Success)
            {
                return new InputProblem(field, value, $"{field} '{Shorten(value)}' is not an OCID; expected {expected}.");
            }

            var type = match.Groups[1].Value;
            if (Array.IndexOf(resourceTypes, type) < 0)
            {
                return new InputProblem(field, value, $"{field} '{Shorten(value)}' is the OCID of a {type}, not of a {string.Join(" or ", resourceTypes)}.");
            }

            return null;
        }

        /// <summary>The resource type of an OCID (<c>volumebackup</c>), or null when it is not one.</summary>
        public static string? OcidType(string? value)
        {
            if (value == null)
            {
                return null;
            }

            var match = OcidShape.Match(value);
            return match.Success ? match.Groups[1].Value : null;
        }

        public static InputProblem? CheckName(string field, string? value)
        {
            if (value == null)
            {
                return null;
            }

            if (value.Length == 0 || value.Length > MaxNameLength)
            {
                return new InputProblem(field, Shorten(value), $"{field} must be 1 to {MaxNameLength} characters; it is {value.Length}.");
            }

            return null;
        }

        public static IEnumerable<InputProblem> CheckFreeformTags(IReadOnlyDictionary<string, string>? tags)
        {
            if (tags == null)
            {
                yield break;
            }

            foreach (var tag in tags)
            {
                var problem = CheckTag("freeformTags", tag.Key, tag.Value);
                if (problem != null)
                {
                    yield return problem;
                }
            }
        }

        public static IEnumerable<InputProblem> CheckDefinedTags(IReadOnlyDictionary<string, Dictionary<string, object>>? tags)
        {
            if (tags == null)
            {
                yield break;
            }

            foreach (var ns in tags)
            {
                if (ns.Key.Length == 0 || ns.Key.Length > MaxTagKeyLength || HasSpaceOrPeriod(ns.Key))
                {
                    yield return new InputProblem("definedTags", ns.Key, $"Tag namespace '{Shorten(ns.Key)}' must be 1 to {MaxTagKeyLength} characters without spaces or periods.");
                }

                foreach (var tag in ns.Value)
                {
                    if (!(tag.Value is string text))
                    {
                        yield return new InputProblem("definedTags", ns.Key + "." + tag.Key, $"Defined tag {ns.Key}.{tag.Key} has a {tag.Value?.GetType().Name ?? "null"} value; the service accepts only string values (write it as '{tag.Value}').");
                        continue;
                    }

                    var problem = CheckTag("definedTags", ns.Key + "." + tag.Key, text, tag.Key);
                    if (problem != null)
                    {
                        yield return problem;
                    }
                }
            }
        }

        private static InputProblem? CheckTag(string field, string name, string? value, string? key = null)
        {
            key ??= name;
            if (key.Length == 0 || key.Length > MaxTagKeyLength || HasSpaceOrPeriod(key))
            {
                return new InputProblem(field, name, $"Tag key '{Shorten(name)}' must be 1 to {MaxTagKeyLength} characters without spaces or periods.");
            }

            if (value == null || value.Length > MaxTagValueLength)
            {
                return new InputProblem(field, name, $"Tag '{name}' must have a value of at most {MaxTagValueLength} characters.");
            }

            return null;
        }

        private static bool HasSpaceOrPeriod(string key) => key.IndexOf(' ') >= 0 || key.IndexOf('.') >= 0;

        private static string Shorten(string value) => value.Length <= 80 ? value : value.Substring(0, 77) + "...";
    }
}
