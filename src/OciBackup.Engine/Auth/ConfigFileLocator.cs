using System.IO;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// Which config file and profile to use when the caller does not say, in the order the OCI SDKs
    /// and CLI look: <c>OCI_CONFIG_FILE</c>, the CLI's <c>OCI_CLI_CONFIG_FILE</c>, <c>~/.oci/config</c>,
    /// then the legacy <c>~/.oraclebmc/config</c>; the profile from <c>OCI_CLI_PROFILE</c>, else DEFAULT.
    /// </summary>
    internal static class ConfigFileLocator
    {
        public const string ConfigFileVariable = "OCI_CONFIG_FILE";
        public const string CliConfigFileVariable = "OCI_CLI_CONFIG_FILE";
        public const string ProfileVariable = "OCI_CLI_PROFILE";

        public static string ResolvePath(string? explicitPath, IProcessEnvironment environment)
        {
            var chosen = explicitPath
                ?? environment.GetVariable(ConfigFileVariable)
                ?? environment.GetVariable(CliConfigFileVariable);
            if (chosen != null)
            {
                return ConfigProfile.ExpandHome(chosen, environment);
            }

            var current = Path.Combine(environment.HomeDirectory, ".oci", "config");
            if (environment.FileExists(current))
            {
                return current;
            }

            var legacy = Path.Combine(environment.HomeDirectory, ".oraclebmc", "config");
            // Neither exists: name the current location, so the error points where the file belongs.
            return environment.FileExists(legacy) ? legacy : current;
        }

        public static string ResolveProfile(string? explicitProfile, IProcessEnvironment environment) =>
            explicitProfile ?? environment.GetVariable(ProfileVariable) ?? ConfigFile.DefaultProfileName;
    }
}
