using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Huawei.Models
{
    /// <summary>
    /// The documented rules of VBS and RDS inputs (huawei-api.md), checked before anything is sent: each problem names
    /// the field, the offending value and what is expected.
    /// </summary>
    internal static class HwcInputRules
    {
        public const int VbsNameMaxLength = 64;
        public const int VbsDescriptionMaxLength = 64;
        public const int VbsTagKeyMaxLength = 36;
        public const int VbsTagValueMaxLength = 43;
        public const int RdsNameMinLength = 4;
        public const int RdsNameMaxLength = 64;
        public const int RdsDescriptionMaxLength = 256;

        private static readonly Regex Uuid = new Regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant);
        private static readonly Regex ServiceId = new Regex("^[A-Za-z0-9-]{1,64}$", RegexOptions.CultureInvariant);
        private static readonly Regex VbsName = new Regex(@"^[\p{L}\p{Nd}_-]+$", RegexOptions.CultureInvariant);
        private static readonly Regex RdsName = new Regex("^[A-Za-z][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant);
        private const string VbsTagForbidden = "=*<>\\,|/";
        private const string RdsDescriptionForbidden = ">!<\"&'=";

        /// <summary>EVS disk ids, VBS backup ids: UUIDs.</summary>
        public static InputProblem? CheckUuid(string field, string what, string? value) =>
            value != null && Uuid.IsMatch(value)
                ? null
                : new InputProblem(field, value, $"'{value}' is not {what}: expected a UUID such as 5aa119a8-d25b-45a7-8d1b-88e127885635.");

        /// <summary>RDS instance and backup ids, VBS job ids: letters, digits and '-', up to 64.</summary>
        public static InputProblem? CheckServiceId(string field, string what, string? value) =>
            value != null && ServiceId.IsMatch(value)
                ? null
                : new InputProblem(field, value, $"'{value}' is not {what}: expected 1 to 64 letters, digits and '-'.");

        /// <summary>A VBS backup name: 1 to 64 letters, digits, '_' and '-', not starting with "auto" (the service keeps those for policy backups).</summary>
        public static InputProblem? CheckVbsName(string? name)
        {
            if (string.IsNullOrEmpty(name) || name!.Length > VbsNameMaxLength || !VbsName.IsMatch(name))
            {
                return new InputProblem("name", name, $"The backup name '{name}' is not allowed: 1 to {VbsNameMaxLength} letters, digits, '_' and '-'.");
            }

            return name.StartsWith("auto", StringComparison.OrdinalIgnoreCase)
                ? new InputProblem("name", name, $"The backup name '{name}' starts with 'auto', which VBS keeps for backups its policies make (autobk_…).")
                : null;
        }

        /// <summary>A VBS description: up to 64 characters, never '&lt;' or '&gt;'.</summary>
        public static InputProblem? CheckVbsDescription(string? description)
        {
            if (description == null)
            {
                return null;
            }

            if (description.Length > VbsDescriptionMaxLength || description.IndexOfAny(new[] { '<', '>' }) >= 0)
            {
                return new InputProblem("description", description, $"The description is not allowed: up to {VbsDescriptionMaxLength} characters, without '<' or '>'.");
            }

            return null;
        }

        /// <summary>VBS tags: keys of 1 to 36 characters, values up to 43, no control characters, and none of = * &lt; &gt; \ , | / in a key.</summary>
        public static IEnumerable<InputProblem> CheckVbsTags(IReadOnlyList<HwcTag>? tags)
        {
            if (tags == null)
            {
                yield break;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                if (tag.Key.Length == 0 || tag.Key.Length > VbsTagKeyMaxLength || HasControl(tag.Key) || tag.Key.IndexOfAny(VbsTagForbidden.ToCharArray()) >= 0)
                {
                    yield return new InputProblem("tag", tag.Key, $"The tag key '{tag.Key}' is not allowed: 1 to {VbsTagKeyMaxLength} characters, no control characters and none of {Spaced(VbsTagForbidden)}.");
                }
                else if (!seen.Add(tag.Key))
                {
                    yield return new InputProblem("tag", tag.Key, $"The tag key '{tag.Key}' is given twice.");
                }

                if (tag.Value.Length > VbsTagValueMaxLength || HasControl(tag.Value))
                {
                    yield return new InputProblem("tag", tag.Value, $"The value of tag '{tag.Key}' is not allowed: up to {VbsTagValueMaxLength} characters, no control characters.");
                }
            }
        }

        /// <summary>An RDS backup name: 4 to 64 characters, starting with a letter; letters, digits, '-' and '_'.</summary>
        public static InputProblem? CheckRdsName(string? name) =>
            name != null && name.Length >= RdsNameMinLength && name.Length <= RdsNameMaxLength && RdsName.IsMatch(name)
                ? null
                : new InputProblem("name", name, $"The backup name '{name}' is not allowed: {RdsNameMinLength} to {RdsNameMaxLength} characters, starting with a letter; letters, digits, '-' and '_'.");

        /// <summary>An RDS description: up to 256 characters, none of &gt; ! &lt; " &amp; ' =.</summary>
        public static InputProblem? CheckRdsDescription(string? description) =>
            description == null || (description.Length <= RdsDescriptionMaxLength && description.IndexOfAny(RdsDescriptionForbidden.ToCharArray()) < 0)
                ? null
                : new InputProblem("description", description, $"The description is not allowed: up to {RdsDescriptionMaxLength} characters, none of {Spaced(RdsDescriptionForbidden)}.");

        private static bool HasControl(string text)
        {
            foreach (var c in text)
            {
                if (c < 0x20 || c == 0x7F)
                {
                    return true;
                }
            }

            return false;
        }

        private static string Spaced(string characters) => string.Join(" ", characters.ToCharArray().Select(c => c.ToString(CultureInfo.InvariantCulture)));
    }
}
