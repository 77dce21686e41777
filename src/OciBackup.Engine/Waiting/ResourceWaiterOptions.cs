using System;
using OciBackup.Engine.Http;

namespace OciBackup.Engine.Waiting
{
    /// <summary>What a <see cref="ResourceWaiter"/> waits for, how long, and how often it may ask.</summary>
    internal sealed class ResourceWaiterOptions
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);

        /// <summary>
        /// The state to wait for, in the service's spelling. For a state on the way to AVAILABLE (REQUEST_RECEIVED,
        /// CREATING, COMMITTED, PROVISIONING, ...) a resource already further along counts as there. Waiting for
        /// TERMINATED, a resource the service no longer knows (404) counts as there too. Every target's kind must know it.
        /// </summary>
        public string TargetState { get; set; } = "AVAILABLE";

        /// <summary>How long each target may take, counted from when it was added; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit.</summary>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;

        public IClock Clock { get; set; } = SystemClock.Instance;

        public IDelay Delay { get; set; } = TaskDelay.Instance;

        /// <summary>The shortest time between two polls of one resource.</summary>
        public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The longest time between two polls of one resource.</summary>
        public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// How long a resource is expected to take from its request, when the caller has an idea (a size,
        /// last night's run). Once resources of a kind finish while being watched, their median duration is used instead.
        /// </summary>
        public TimeSpan? ExpectedDuration { get; set; }

        /// <summary>Requests in flight at once.</summary>
        public int MaxConcurrentRequests { get; set; } = 16;

        /// <summary>Answer many resources of one compartment with list requests where that costs fewer requests than one get each.</summary>
        public bool UseListOperations { get; set; } = true;

        /// <summary>Items per list page (the service allows up to 1000).</summary>
        public int ListPageSize { get; set; } = 1000;

        /// <summary>
        /// Paging stops at items created this long before the oldest pending resource, not exactly at it:
        /// the list sorts by timeCreated, which need not equal the timeRequestReceived a target was given.
        /// </summary>
        public TimeSpan ListCutoffMargin { get; set; } = TimeSpan.FromMinutes(1);

        /// <summary>Trace and retry settings passed to every request.</summary>
        public OciCallOptions? Call { get; set; }

        /// <summary>A copy to change without touching this one.</summary>
        public ResourceWaiterOptions Copy() => (ResourceWaiterOptions)MemberwiseClone();
    }
}
