using System;
using System.Collections.Generic;

namespace OciBackup.Engine.Auth
{
    /// <summary>How a session signs in, as <see cref="AuthenticationResolver"/> decided: the provider, the profile it came from (if any), and the region that sign-in implies.</summary>
    internal sealed class ResolvedAuthentication
    {
        public ResolvedAuthentication(IAuthenticationProvider provider, string? configFile, string? profile, string? defaultRegion, string noRegionReason, IEnumerable<string?> secrets)
        {
            Provider = provider ?? throw new ArgumentNullException(nameof(provider));
            ConfigFile = configFile;
            Profile = profile;
            DefaultRegion = defaultRegion;
            NoRegionReason = noRegionReason;
            Secrets = new List<string?>(secrets);
        }

        public IAuthenticationProvider Provider { get; }

        public string? ConfigFile { get; }

        public string? Profile { get; }

        /// <summary>The region when -Region names none: the profile's, the CLI's variables', the instance's or the resource's (an id or a short code).</summary>
        public string? DefaultRegion { get; }

        /// <summary>Why there is no region, for the message when neither this nor -Region names one.</summary>
        public string NoRegionReason { get; }

        /// <summary>Values to mask in traces and errors (pass phrases given as text).</summary>
        public IReadOnlyList<string?> Secrets { get; }

        public override string ToString() => $"{Provider.Kind} sign-in" + (Profile == null ? string.Empty : $" from [{Profile}]");
    }
}
