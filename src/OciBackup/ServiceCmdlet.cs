using System;
using System.Collections;
using System.Management.Automation;
using System.Threading;
using OciBackup.Engine.Http;

namespace OciBackup
{
    /// <summary>
    /// What every cmdlet that calls a cloud shares, whichever cloud: a cancellation token that Ctrl+C cancels, a queue
    /// that carries worker results to the pipeline thread, and -Verbose/-Debug observers for retries and HTTP traffic.
    /// OCI's cmdlets add their session (<see cref="OciCmdlet"/>), Huawei Cloud's theirs (<c>HwcCmdlet</c>).
    /// </summary>
    public abstract class ServiceCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly CancellationToken _stopToken;
        private OciCallOptions? _callOptions;

        protected ServiceCmdlet()
        {
            _stop = new CancellationTokenSource();
            _stopToken = _stop.Token;
        }

        internal PipelineQueue Queue { get; } = new PipelineQueue();

        // Kept apart from the source: workers may still look at it after PowerShell disposes the command.
        internal CancellationToken StopToken => _stopToken;

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
            Pacer = SessionPacer,
        };

        /// <summary>The pacer the session shares among all its calls, whatever command makes them.</summary>
        internal abstract RequestPacer SessionPacer { get; }

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

        /// <summary>
        /// What -NoRetry, -MaxAttempts and -MaxRetryTime ask for (those bound), on top of the session's policy; null when
        /// none is bound. The retrying cmdlets of each cloud declare the parameters and ask this.
        /// </summary>
        internal RetryPolicy? RetryLimits(bool noRetry, int maxAttempts, TimeSpan maxRetryTime, Func<RetryPolicy> sessionPolicy)
        {
            if (noRetry)
            {
                return RetryPolicy.None;
            }

            var attempts = MyInvocation.BoundParameters.ContainsKey("MaxAttempts") ? maxAttempts : (int?)null;
            var time = MyInvocation.BoundParameters.ContainsKey("MaxRetryTime") ? maxRetryTime : (TimeSpan?)null;
            return attempts == null && time == null ? null : sessionPolicy().WithLimits(attempts, time);
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
