using System;
using System.Collections;
using System.Management.Automation;
using System.Threading;
using OciBackup.Engine;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;

namespace OciBackup
{
    /// <summary>
    /// What every OciBackup cmdlet that calls the service shares: -Session (or the runspace's default
    /// session), a cancellation token that Ctrl+C cancels, a queue that carries worker results to
    /// the pipeline thread, and -Verbose/-Debug observers for retries and HTTP traffic.
    /// </summary>
    public abstract class OciCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly CancellationToken _stopToken;
        private OciSession? _session;
        private OciCallOptions? _callOptions;

        /// <summary>
        /// <para type="description">The session to use (from New-OciSession). Without it, a session built once per runspace from the default profile of ~/.oci/config (OCI_CONFIG_FILE and OCI_CLI_PROFILE honoured).</para>
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public OciSession? Session { get; set; }

        internal PipelineQueue Queue { get; } = new PipelineQueue();

        // Kept apart from the source: workers may still look at it after PowerShell disposes the command.
        internal CancellationToken StopToken => _stopToken;

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

        /// <summary>Per-call settings: HTTP traces to -Debug when debugging, retries to -Verbose.</summary>
        internal OciCallOptions CallOptions => _callOptions ??= new OciCallOptions
        {
            Trace = IsDebugging() ? new QueuedTrace(Queue) : null,
            RetryObserver = new QueuedRetryNotices(Queue),
            RetryPolicy = RetryPolicyOverride(),
        };

        /// <summary><see cref="CallOptions"/> paced by the session (bulk runs and waits): fast until the service answers 429, then at the rate it lets through.</summary>
        internal OciCallOptions PacedCallOptions => new OciCallOptions
        {
            Trace = CallOptions.Trace,
            RetryObserver = CallOptions.RetryObserver,
            RetryPolicy = CallOptions.RetryPolicy,
            Pacer = ActiveSession.Pacer,
        };

        protected OciCmdlet()
        {
            _stop = new CancellationTokenSource();
            _stopToken = _stop.Token;
        }

        /// <summary>The command is over: anything still running in the background is cancelled.</summary>
        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }

        internal static string HostDescription(PSCmdlet cmdlet)
        {
            if (cmdlet.SessionState.PSVariable.GetValue("PSVersionTable") is Hashtable table)
            {
                return $"PowerShell/{table["PSVersion"]} ({table["PSEdition"] ?? "Desktop"})";
            }

            return "PowerShell";
        }

        /// <summary>The retry policy this invocation asks for, or null for the session's.</summary>
        internal virtual RetryPolicy? RetryPolicyOverride() => null;

        protected override void StopProcessing()
        {
            _stop.Cancel();
            base.StopProcessing();
        }

        private bool IsDebugging()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && debug is SwitchParameter on)
            {
                return on.IsPresent;
            }

            return GetVariableValue("DebugPreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
        }

        private sealed class QueuedTrace : IHttpTraceListener
        {
            private readonly PipelineQueue _queue;

            public QueuedTrace(PipelineQueue queue) => _queue = queue;

            public void OnHttpEvent(HttpTraceEvent traceEvent)
            {
                var text = traceEvent.ToString();
                _queue.Post(cmdlet => cmdlet.WriteDebug(text));
            }
        }

        private sealed class QueuedRetryNotices : IRetryObserver
        {
            private readonly PipelineQueue _queue;

            public QueuedRetryNotices(PipelineQueue queue) => _queue = queue;

            public void OnRetry(RetryNotice notice)
            {
                var text = notice.ToString();
                _queue.Post(cmdlet => cmdlet.WriteVerbose(text));
            }
        }
    }
}
