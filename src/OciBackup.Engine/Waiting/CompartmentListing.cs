namespace OciBackup.Engine.Waiting
{
    /// <summary>What listing one compartment's resources of one kind (in one region) has cost so far, to judge whether the next round should list or get.</summary>
    internal sealed class CompartmentListing
    {
        public const int FailuresBeforeGetsOnly = 3;

        /// <summary>Pages the last sweep needed to see every pending resource (one to begin with).</summary>
        public int EstimatedPages { get; set; } = 1;

        public int ConsecutiveFailures { get; set; }

        /// <summary>When the last sweep of it began; null before the first.</summary>
        public System.DateTimeOffset? LastSwept { get; set; }

        /// <summary>Listing failed for good here (refused, or failing round after round): use gets.</summary>
        public bool Disabled { get; set; }
    }
}
