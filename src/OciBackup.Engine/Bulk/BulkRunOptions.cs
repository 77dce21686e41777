using System;
using System.Threading;
using OciBackup.Engine.Http;
using OciBackup.Engine.Waiting;

namespace OciBackup.Engine.Bulk
{
    /// <summary>How a <see cref="BulkRun"/> goes: how many calls at once, where retry tokens come from, whether and how long to wait.</summary>
    internal sealed class BulkRunOptions
    {
        /// <summary>Calls at once to begin with and at most; halved on 429 and grown back as calls succeed.</summary>
        public int ThrottleLimit { get; set; } = 16;

        /// <summary>When set, each item's retry token is derived from it (a re-run within 24 hours makes nothing twice); else a fresh one per item.</summary>
        public string? RunKey { get; set; }

        /// <summary>Wait for each result to reach the operation's wait state before it is reported.</summary>
        public bool Wait { get; set; }

        /// <summary>How long each result may take to get there; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit.</summary>
        public TimeSpan WaitTimeout { get; set; } = ResourceWaiterOptions.DefaultTimeout;

        /// <summary>Trace and retry settings of every call (the run adds its throttle feedback to the retry observer).</summary>
        public OciCallOptions Call { get; set; } = OciCallOptions.Default;

        /// <summary>The wait's poll settings; its target state and timeout are set by the run.</summary>
        public ResourceWaiterOptions WaitOptions { get; set; } = new ResourceWaiterOptions();

        public IClock Clock { get; set; } = SystemClock.Instance;

        /// <summary>Ctrl+C: cancelling it stops every call and the wait, as <see cref="BulkRun.Stop"/> does.</summary>
        public CancellationToken CancellationToken { get; set; }
    }
}
