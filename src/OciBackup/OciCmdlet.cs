using System;
using System.Management.Automation;
using OciBackup.Engine;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;

namespace OciBackup
{
    /// <summary>
    /// What every OciBackup cmdlet that calls OCI shares: -Session (or the runspace's default session), on top of what
    /// every cmdlet that calls a cloud shares (<see cref="ServiceCmdlet"/>).
    /// </summary>
    public abstract class OciCmdlet : ServiceCmdlet
    {
        private OciSession? _session;

        /// <summary>
        /// <para type="description">The session to use (from New-OciSession). Without it, a session built once per runspace from the default profile of ~/.oci/config (OCI_CONFIG_FILE and OCI_CLI_PROFILE honoured).</para>
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public OciSession? Session { get; set; }

        internal OciSession ActiveSession
        {
            get
            {
                if (_session != null)
                {
                    return _session;
                }

                if (Session != null)
                {
                    return _session = Session;
                }

                try
                {
                    _session = DefaultSessions.Get(HostDescription(this));
                    WriteVerbose($"Using the default session: profile [{_session.Profile}] of '{_session.ConfigFile}', {_session.Region} at {_session.Endpoint.GetLeftPart(UriPartial.Authority)}.");
                    return _session;
                }
                catch (OciConfigException ex)
                {
                    ThrowTerminatingError(ConfigErrorRecords.From(ex));
                    throw;
                }
            }
        }

        internal override RequestPacer SessionPacer => ActiveSession.Pacer;
    }
}
