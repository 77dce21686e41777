using System.Collections.Generic;

namespace OciBackup.Engine.Waiting
{
    /// <summary>The requests of one polling round: list sweeps per compartment, and gets for the rest of the due resources.</summary>
    internal sealed class PollRound
    {
        public List<ListingSweep> Sweeps { get; } = new List<ListingSweep>();

        public List<TrackedResource> Gets { get; } = new List<TrackedResource>();

        /// <summary>Due resources were held back until one get finds where their kind lives: plan again at once.</summary>
        public bool HeldBack { get; set; }
    }
}
