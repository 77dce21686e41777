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
            var environment = ProcessEnvironment.Instance;
            var key = string.Join("|",
                environment.GetVariable(ConfigFileLocator.ConfigFileVariable),
                environment.GetVariable(ConfigFileLocator.CliConfigFileVariable),
                environment.GetVariable(ConfigFileLocator.ProfileVariable),
                environment.GetVariable(OciSession.CliRegionVariable),
                environment.GetVariable(OciSession.RegionVariable));
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

        private sealed class Entry
        {
            public OciSession? Session { get; set; }

            public string? Key { get; set; }
        }
    }
}
