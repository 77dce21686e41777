using System;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// A configuration, key, region or endpoint problem found before any request is sent.
    /// Messages name the file, profile and setting involved and never contain a secret value
    /// (pass phrase, key material, session token).
    /// </summary>
    public sealed class OciConfigException : Exception
    {
        internal OciConfigException(
            OciConfigErrorKind kind,
            string message,
            string recommendedAction,
            string? configFile = null,
            string? profile = null,
            string? setting = null,
            Exception? innerException = null)
            : base(message, innerException)
        {
            Kind = kind;
            RecommendedAction = recommendedAction;
            ConfigFile = configFile;
            Profile = profile;
            Setting = setting;
        }

        public OciConfigErrorKind Kind { get; }

        /// <summary>What the user can do about it, in one sentence.</summary>
        public string RecommendedAction { get; }

        public string? ConfigFile { get; }

        public string? Profile { get; }

        /// <summary>The config setting involved (<c>key_file</c>, <c>region</c>, ...), when there is one.</summary>
        public string? Setting { get; }

        public override string ToString() => $"{GetType().FullName} ({Kind}): {Message}";
    }
}
