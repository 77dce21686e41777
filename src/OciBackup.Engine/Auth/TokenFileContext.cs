using System;
using System.Globalization;

namespace OciBackup.Engine.Auth
{
    /// <summary>Where a session token file comes from (a config profile), so that its problems name the profile and the command that fixes them.</summary>
    internal sealed class TokenFileContext
    {
        private TokenFileContext(string? configFile, string? profile, string setting)
        {
            ConfigFile = configFile;
            Profile = profile;
            Setting = setting;
        }

        /// <summary>A token given as text, with no file or profile behind it.</summary>
        public static TokenFileContext Literal { get; } = new TokenFileContext(null, null, "security_token_file");

        public string? ConfigFile { get; }

        public string? Profile { get; }

        public string Setting { get; }

        public static TokenFileContext ForProfile(ConfigProfile profile, string setting = "security_token_file") =>
            new TokenFileContext(profile.ConfigFile, profile.Name, setting);

        public OciConfigException Expired(DateTimeOffset expires, string? path)
        {
            var where = path == null ? "The session token" : $"The session token in '{path}'";
            var profile = Profile == null ? string.Empty : $" (profile [{Profile}] of '{ConfigFile}')";
            var refresh = Profile == null || string.Equals(Profile, DefaultProfile, StringComparison.Ordinal)
                ? "oci session refresh"
                : $"oci session refresh --profile {Profile}";
            return new OciConfigException(
                OciConfigErrorKind.SessionTokenExpired,
                $"{where}{profile} expired at {expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC; OCI would refuse every request signed with it.",
                $"Run '{refresh}' to renew it (or 'oci session authenticate' once it can no longer be refreshed); a session already open reads the renewed token by itself.",
                configFile: ConfigFile,
                profile: Profile,
                setting: Setting);
        }

        public OciConfigException Unreadable(string path, string problem)
        {
            var profile = Profile == null ? string.Empty : $" named by {Setting} in profile [{Profile}] of '{ConfigFile}'";
            return new OciConfigException(
                OciConfigErrorKind.SessionTokenUnreadable,
                $"The session token file '{path}'{profile} {problem}.",
                "Run 'oci session authenticate' (or 'oci session refresh') for this profile.",
                configFile: ConfigFile,
                profile: Profile,
                setting: Setting);
        }

        private const string DefaultProfile = "DEFAULT";

        public override string ToString() => Profile == null ? "session token" : $"session token of [{Profile}]";
    }
}
