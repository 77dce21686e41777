using System;
using System.Management.Automation;
using OciBackup.Engine.Http;

namespace OciBackup
{
    /// <summary>
    /// A cmdlet whose calls are retried (creates, raw calls): -NoRetry, -MaxAttempts and -MaxRetryTime set
    /// the limits for this invocation. Waits need none of them: a failed poll is simply polled again.
    /// </summary>
    public abstract class RetryingOciCmdlet : OciCmdlet
    {
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

        /// <summary>The retry policy this invocation asks for (-NoRetry, -MaxAttempts, -MaxRetryTime), or null for the session's.</summary>
        internal override RetryPolicy? RetryPolicyOverride() =>
            RetryLimits(NoRetry, MaxAttempts, MaxRetryTime, () => ActiveSession.Http.RetryPolicy);
    }
}
