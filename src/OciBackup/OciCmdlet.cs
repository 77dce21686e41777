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

        /// <summary><para type="description">Make each call once: no retry on throttling, service errors, timeouts or dropped connections.</para></summary>
        [Parameter]
        public SwitchParameter NoRetry { get; set; }

        /// <summary><para type="description">At most this many attempts per call (default: the session's, 8).</para></summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int MaxAttempts { get; set; }

        /// <summary><para type="description">Stop retrying a call after this long, as a TimeSpan or a number of seconds (default: the session's, 600 s).</para></summary>
        [Parameter]
        [SecondsToTimeSpan]
        public TimeSpan MaxRetryTime { get; set; }

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

        /// <summary>The retry policy this invocation asks for (-NoRetry, -MaxAttempts, -MaxRetryTime), or null for the session's.</summary>
        internal RetryPolicy? RetryPolicyOverride()
        {
            if (NoRetry)
            {
                return RetryPolicy.None;
            }

            var attempts = MyInvocation.BoundParameters.ContainsKey(nameof(MaxAttempts)) ? MaxAttempts : (int?)null;
            var time = MyInvocation.BoundParameters.ContainsKey(nameof(MaxRetryTime)) ? MaxRetryTime : (TimeSpan?)null;
            return attempts == null && time == null ? null : ActiveSession.Http.RetryPolicy.WithLimits(attempts, time);
        }

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
