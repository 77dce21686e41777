using System;
using System.Collections.Generic;

namespace OciBackup.Engine.Auth
{
    /// <summary>One profile of an OCI config file, falling back to <c>[DEFAULT]</c> for settings it lacks.</summary>
    internal sealed class ConfigProfile
    {
        /// <summary>The OCI CLI's variables that override a profile's settings when set (its <c>OCI_CONFIG_ENV_VARS</c>).</summary>
        public static readonly IReadOnlyList<KeyValuePair<string, string>> CliOverrideVariables = new[]
        {
            new KeyValuePair<string, string>("user", "OCI_CLI_USER"),
            new KeyValuePair<string, string>("tenancy", "OCI_CLI_TENANCY"),
            new KeyValuePair<string, string>("fingerprint", "OCI_CLI_FINGERPRINT"),
            new KeyValuePair<string, string>("key_file", "OCI_CLI_KEY_FILE"),
            new KeyValuePair<string, string>("key_content", "OCI_CLI_KEY_CONTENT"),
            new KeyValuePair<string, string>("pass_phrase", "OCI_CLI_PASSPHRASE"),
            new KeyValuePair<string, string>("security_token_file", "OCI_CLI_SECURITY_TOKEN_FILE"),
            new KeyValuePair<string, string>("delegation_token_file", "OCI_CLI_DELEGATION_TOKEN_FILE"),
        };

        private readonly IReadOnlyDictionary<string, string> _own;
        private readonly IReadOnlyDictionary<string, string>? _defaults;
        private readonly Dictionary<string, KeyValuePair<string, string>> _overrides;

        internal ConfigProfile(string name, string configFile, IReadOnlyDictionary<string, string> own, IReadOnlyDictionary<string, string>? defaults)
            : this(name, configFile, own, defaults, new Dictionary<string, KeyValuePair<string, string>>(StringComparer.OrdinalIgnoreCase))
        {
        }

        private ConfigProfile(string name, string configFile, IReadOnlyDictionary<string, string> own, IReadOnlyDictionary<string, string>? defaults,
            Dictionary<string, KeyValuePair<string, string>> overrides)
        {
            Name = name;
            ConfigFile = configFile;
            _own = own;
            _defaults = defaults;
            _overrides = overrides;
        }

        /// <summary>
        /// This profile with the OCI CLI's environment variables laid over it, as the CLI does: each of
        /// <see cref="CliOverrideVariables"/> that is set replaces the profile's value.
        /// </summary>
        public ConfigProfile WithCliOverrides(IProcessEnvironment environment)
        {
            var overrides = new Dictionary<string, KeyValuePair<string, string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in CliOverrideVariables)
            {
                var value = environment.GetVariable(pair.Value);
                if (value != null)
                {
                    overrides[pair.Key] = new KeyValuePair<string, string>(pair.Value, value);
                }
            }

            return new ConfigProfile(Name, ConfigFile, _own, _defaults, overrides);
        }

        /// <summary>The environment variable that set this setting, or null when it comes from the file.</summary>
        public string? OverriddenBy(string setting) => _overrides.TryGetValue(setting, out var pair) ? pair.Key : null;

        /// <summary>Where a setting's value comes from, for messages: the variable, or the setting of this profile.</summary>
        public string Describe(string setting) => OverriddenBy(setting) ?? $"{setting} in profile [{Name}] of '{ConfigFile}'";

        public string Name { get; }

        public string ConfigFile { get; }

        /// <summary>The setting's value (own, else DEFAULT's), or null when it is absent or empty.</summary>
        public string? Get(string setting)
        {
            if (_overrides.TryGetValue(setting, out var overridden))
            {
                return overridden.Value;
            }

            if (_own.TryGetValue(setting, out var value) && value.Length > 0)
            {
                return value;
            }

            if (_defaults != null && _defaults.TryGetValue(setting, out value) && value.Length > 0)
            {
                return value;
            }

            return null;
        }

        public string GetRequired(string setting, string purpose)
        {
            var value = Get(setting);
            if (value == null)
            {
                throw new OciConfigException(
                    OciConfigErrorKind.MissingSetting,
                    $"The profile [{Name}] in '{ConfigFile}' has no '{setting}' setting, which is needed for {purpose}.",
                    $"Add '{setting}=...' to the [{Name}] profile (or to [DEFAULT]).",
                    configFile: ConfigFile,
                    profile: Name,
                    setting: setting);
            }

            return value;
        }

        /// <summary>Expands a leading <c>~</c> as the OCI CLI's expanduser does; other paths are returned as they are.</summary>
        public static string ExpandHome(string path, IProcessEnvironment environment)
        {
            if (path == "~")
            {
                return environment.HomeDirectory;
            }

            if (path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal))
            {
                return System.IO.Path.Combine(environment.HomeDirectory, path.Substring(2));
            }

            return path;
        }

        public override string ToString() => $"[{Name}] in {ConfigFile}";
    }
}
