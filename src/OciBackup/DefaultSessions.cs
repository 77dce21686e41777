using System;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using OciBackup.Engine;
using OciBackup.Engine.Auth;

namespace OciBackup
{
    /// <summary>
    /// The session a cmdlet uses when it is given none: built once per runspace from the default
    /// profile, and built again only when the variables that choose the profile change.
    /// </summary>
    internal static class DefaultSessions
    {
        private static readonly ConditionalWeakTable<Runspace, Entry> PerRunspace = new ConditionalWeakTable<Runspace, Entry>();

        public static OciSession Get(string hostDescription)
        {
            var key = KeyOf(ProcessEnvironment.Instance);
            var runspace = Runspace.DefaultRunspace;
            if (runspace == null)
            {
                return OciSession.Create(new OciSessionOptions { HostDescription = hostDescription });
            }

            var entry = PerRunspace.GetValue(runspace, _ => new Entry());
            lock (entry)
            {
                if (entry.Session == null || entry.Key != key)
                {
                    var session = OciSession.Create(new OciSessionOptions { HostDescription = hostDescription });
                    entry.Session?.Dispose();
                    entry.Session = session;
                    entry.Key = key;
                }

                return entry.Session;
            }
        }

        /// <summary>
        /// The variables that choose how the default session signs in, hashed: some of them hold secrets
        /// (OCI_CLI_KEY_CONTENT, OCI_CLI_PASSPHRASE) that must not linger in memory as text.
        /// </summary>
        private static string KeyOf(IProcessEnvironment environment)
        {
            var names = new System.Collections.Generic.List<string>
            {
                ConfigFileLocator.ConfigFileVariable, ConfigFileLocator.CliConfigFileVariable, ConfigFileLocator.ProfileVariable,
                OciSession.CliRegionVariable, OciSession.RegionVariable, AuthenticationKindNames.CliVariable,
                InstanceMetadataClient.BaseUrlVariable, X509FederationClient.EndpointVariable,
                ResourcePrincipalAuthenticationProvider.VersionVariable, ResourcePrincipalAuthenticationProvider.TokenVariable,
                ResourcePrincipalAuthenticationProvider.KeyVariable, ResourcePrincipalAuthenticationProvider.PassPhraseVariable,
                ResourcePrincipalAuthenticationProvider.RegionVariable,
            };
            foreach (var pair in ConfigProfile.CliOverrideVariables)
            {
                names.Add(pair.Value);
            }

            var text = new System.Text.StringBuilder();
            foreach (var name in names)
            {
                text.Append(name).Append('=').Append(environment.GetVariable(name)).Append('\n');
            }

            using var sha = System.Security.Cryptography.SHA256.Create();
            return Convert.ToBase64String(sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
        }

        private sealed class Entry
        {
            public OciSession? Session { get; set; }

            public string? Key { get; set; }
        }
    }
}
