using System;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Waiting
{
    /// <summary>What a <see cref="BackupWaiter"/> waits for, how long, and how often it may ask.</summary>
    internal sealed class BackupWaiterOptions
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);

        /// <summary>
        /// The state to wait for. For REQUEST_RECEIVED, CREATING, COMMITTED and AVAILABLE a backup that is
        /// already further along counts as there. <see cref="BackupLifecycleState.Unknown"/> is refused.
        /// </summary>
        public BackupLifecycleState TargetState { get; set; } = BackupLifecycleState.Available;

        /// <summary>How long each target may take, counted from when it was added; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit.</summary>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;

        public IClock Clock { get; set; } = SystemClock.Instance;

        public IDelay Delay { get; set; } = TaskDelay.Instance;

        /// <summary>The shortest time between two polls of one backup.</summary>
        public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The longest time between two polls of one backup.</summary>
        public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// How long a backup is expected to take from its request, when the caller has an idea (a size,
        /// last night's run). Once backups finish while being watched, their median duration is used instead.
        /// </summary>
        public TimeSpan? ExpectedDuration { get; set; }

        /// <summary>Requests in flight at once.</summary>
        public int MaxConcurrentRequests { get; set; } = 16;

        /// <summary>Answer many backups of one compartment with list requests where that costs fewer requests than one get each.</summary>
        public bool UseListOperations { get; set; } = true;

        /// <summary>Items per list page (the service allows up to 1000).</summary>
        public int ListPageSize { get; set; } = 1000;

        /// <summary>
        /// Paging stops at items created this long before the oldest pending backup, not exactly at it:
        /// the list sorts by timeCreated, which need not equal the timeRequestReceived a target was given.
        /// </summary>
        public TimeSpan ListCutoffMargin { get; set; } = TimeSpan.FromMinutes(1);

        /// <summary>Trace and retry settings passed to every request.</summary>
        public OciCallOptions? Call { get; set; }
    }
}
