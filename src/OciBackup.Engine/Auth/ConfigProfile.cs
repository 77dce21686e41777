using System;
using System.Collections.Generic;

namespace OciBackup.Engine.Auth
{
    /// <summary>One profile of an OCI config file, falling back to <c>[DEFAULT]</c> for settings it lacks.</summary>
    internal sealed class ConfigProfile
    {
        private readonly IReadOnlyDictionary<string, string> _own;
        private readonly IReadOnlyDictionary<string, string>? _defaults;

        internal ConfigProfile(string name, string configFile, IReadOnlyDictionary<string, string> own, IReadOnlyDictionary<string, string>? defaults)
        {
            Name = name;
            ConfigFile = configFile;
            _own = own;
            _defaults = defaults;
        }

        public string Name { get; }

        public string ConfigFile { get; }

        /// <summary>The setting's value (own, else DEFAULT's), or null when it is absent or empty.</summary>
        public string? Get(string setting)
        {
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
