using System;

namespace OciBackup.Engine.Bulk
{
    /// <summary>How a copy run treats copies made earlier and the service's limit on copies at once.</summary>
    internal sealed class CopyOptions
    {
        /// <summary>
        /// Look in the destination for a copy made earlier (by any run, at any time) and write that instead of making
        /// another: the way to copy once beyond the 24 hours a retry token lasts. Costs a list of the destination's
        /// backups per compartment per run.
        /// </summary>
        public bool FindEarlierCopies { get; set; } = true;

        /// <summary>How long one backup may keep being refused for the service's limit on copies at once before it fails.</summary>
        public TimeSpan LimitTimeout { get; set; } = TimeSpan.FromHours(2);

        public IClock Clock { get; set; } = SystemClock.Instance;

        public IDelay Delay { get; set; } = TaskDelay.Instance;

        public IRandomSource Random { get; set; } = ThreadSafeRandom.Instance;
    }
}
