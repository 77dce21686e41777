using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// An OCI config file (INI) read the way the OCI CLI's Python <c>configparser</c> reads it:
    /// <c>[PROFILE]</c> sections, <c>key = value</c> or <c>key: value</c>, case-insensitive keys,
    /// whole-line <c>#</c> and <c>;</c> comments, indented continuation lines, and every profile
    /// inheriting what it does not set from <c>[DEFAULT]</c>.
    /// </summary>
    internal sealed class ConfigFile
    {
        public const string DefaultProfileName = "DEFAULT";

        private static readonly HashSet<string> KnownSettings = new HashSet<string>(StringComparer.Ordinal)
        {
            "user", "fingerprint", "key_file", "key_content", "tenancy", "region", "pass_phrase", "security_token_file", "delegation_token_file", "authentication_type",
        };

        private readonly Dictionary<string, Dictionary<string, string>> _sections;

        private ConfigFile(string path, Dictionary<string, Dictionary<string, string>> sections, List<string> order)
        {
            Path = path;
            _sections = sections;
            ProfileNames = order;
        }

        /// <summary>Where the file was read from (as given, with <c>~</c> expanded).</summary>
        public string Path { get; }

        /// <summary>Section names in file order, <c>DEFAULT</c> included when present.</summary>
        public IReadOnlyList<string> ProfileNames { get; }

        public static ConfigFile Load(string path, IProcessEnvironment environment)
        {
            if (!environment.FileExists(path))
            {
                throw new OciConfigException(
                    OciConfigErrorKind.ConfigFileNotFound,
                    $"The OCI config file '{path}' does not exist.",
                    "Create it with 'oci setup config', or name another file with -ConfigFile or the OCI_CONFIG_FILE environment variable.",
                    configFile: path);
            }

            string text;
            try
            {
                text = environment.ReadAllText(path);
            }
            catch (Exception ex) when (FileReadErrors.IsReadFailure(ex))
            {
                throw new OciConfigException(
                    OciConfigErrorKind.ConfigFileUnreadable,
                    $"The OCI config file '{path}' could not be read: {ex.Message}",
                    "Check that the file is readable by the current user.",
                    configFile: path,
                    innerException: ex);
            }

            return Parse(text, path);
        }

        /// <summary>Parses config text. Errors name the line number, never the line's content (it may hold a pass phrase).</summary>
        public static ConfigFile Parse(string text, string path)
        {
            var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            var order = new List<string>();
            Dictionary<string, string>? current = null;
            string? lastKey = null;
            var lastKeyIndent = 0;

            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var lineNumber = i + 1;
                var raw = lines[i].TrimEnd('\r');
                if (i == 0 && raw.Length > 0 && raw[0] == '\uFEFF')
                {
                    raw = raw.Substring(1);
                }

                var trimmed = raw.Trim();
                if (trimmed.Length == 0)
                {
                    lastKey = null;
                    continue;
                }

                if (trimmed[0] == '#' || trimmed[0] == ';')
                {
                    continue;
                }

                var indent = raw.Length - raw.TrimStart().Length;
                if (current != null && lastKey != null && indent > lastKeyIndent)
                {
                    // configparser: a line indented deeper than its key continues that key's value.
                    current[lastKey] = current[lastKey] + "\n" + trimmed;
                    continue;
                }

                if (trimmed[0] == '[')
                {
                    var close = trimmed.IndexOf(']');
                    if (close < 0)
                    {
                        throw Invalid(path, lineNumber, "a section header is missing its closing ']'");
                    }

                    var name = trimmed.Substring(1, close - 1).Trim();
                    if (name.Length == 0)
                    {
                        throw Invalid(path, lineNumber, "a section header has no name");
                    }

                    if (sections.ContainsKey(name))
                    {
                        throw Invalid(path, lineNumber, "a profile header repeats an earlier one");
                    }

                    current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    sections.Add(name, current);
                    order.Add(name);
                    lastKey = null;
                    continue;
                }

                var delimiter = IndexOfDelimiter(trimmed);
                if (delimiter <= 0)
                {
                    throw Invalid(path, lineNumber, "the line is neither a [profile] header, a 'key = value' setting nor a comment");
                }

                if (current == null)
                {
                    throw Invalid(path, lineNumber, "a setting comes before the first [profile] header");
                }

                var key = trimmed.Substring(0, delimiter).Trim().ToLowerInvariant();
                var value = trimmed.Substring(delimiter + 1).Trim();
                if (current.ContainsKey(key))
                {
                    // Only names the setting when it is one OCI defines: an arbitrary "key" may be a mangled secret.
                    var what = KnownSettings.Contains(key) ? $"'{key}'" : "a setting";
                    throw Invalid(path, lineNumber, $"{what} is set twice in the same profile");
                }

                current.Add(key, value);
                lastKey = key;
                lastKeyIndent = indent;
            }

            return new ConfigFile(path, sections, order);
        }

        public bool HasProfile(string name) => _sections.ContainsKey(name);

        /// <summary>The profile, with <c>[DEFAULT]</c> behind it; <c>DEFAULT</c> itself may be absent only when asked for.</summary>
        public ConfigProfile GetProfile(string name)
        {
            _sections.TryGetValue(DefaultProfileName, out var defaults);
            if (_sections.TryGetValue(name, out var own))
            {
                return new ConfigProfile(name, Path, own, string.Equals(name, DefaultProfileName, StringComparison.Ordinal) ? null : defaults);
            }

            var available = ProfileNames.Count == 0 ? "none" : string.Join(", ", ProfileNames.Select(p => "[" + p + "]"));
            throw new OciConfigException(
                OciConfigErrorKind.ProfileNotFound,
                $"The profile [{name}] is not in the OCI config file '{Path}'. Profiles in that file: {available}.",
                "Name one of those profiles with -Profile or OCI_CLI_PROFILE, or add the profile to the file.",
                configFile: Path,
                profile: name);
        }

        private static int IndexOfDelimiter(string line)
        {
            var equals = line.IndexOf('=');
            var colon = line.IndexOf(':');
            if (equals < 0)
            {
                return colon;
            }

            return colon < 0 ? equals : Math.Min(equals, colon);
        }

        private static OciConfigException Invalid(string path, int line, string what) =>
            new OciConfigException(
                OciConfigErrorKind.ConfigFileInvalid,
                $"The OCI config file '{path}' cannot be read at line {line}: {what}.",
                "Fix that line; the file is an INI file of [PROFILE] sections with 'key=value' settings.",
                configFile: path);
    }
}
