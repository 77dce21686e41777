using System;
using System.Management.Automation;
using OciBackup.Engine.Http;

namespace OciBackup.Huawei
{
    /// <summary>A Huawei cmdlet whose calls are retried (creates, lists): -NoRetry, -MaxAttempts and -MaxRetryTime set the limits for this invocation.</summary>
    public abstract class RetryingHwcCmdlet : HwcCmdlet
    {
        /// <summary><para type="description">Make each call once: no retry on throttling, service errors, timeouts or dropped connections (a create whose answer is lost is still looked for, never sent again).</para></summary>
        [Parameter]
        public SwitchParameter NoRetry { get; set; }

        /// <summary><para type="description">At most this many attempts per call (default: the session's, 8); for a create, the most times it is sent.</para></summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int MaxAttempts { get; set; }

        /// <summary><para type="description">Stop retrying a call after this long, as a TimeSpan or a number of seconds (default: the session's, 600 s).</para></summary>
        [Parameter]
        [SecondsToTimeSpan]
        public TimeSpan MaxRetryTime { get; set; }

        internal override RetryPolicy? RetryPolicyOverride() =>
            RetryLimits(NoRetry, MaxAttempts, MaxRetryTime, () => ActiveSession.Http.RetryPolicy);
    }
}
