using System;
using System.Collections.Generic;
using OciBackup.Engine.Kinds;

namespace OciBackup.Engine.Waiting
{
    /// <summary>One round's list pages through one compartment: which pending resources it may answer and when to stop.</summary>
    internal sealed class ListingSweep
    {
        public ListingSweep(CompartmentListing history, ResourceKind kind, string? region, string compartmentId, IEnumerable<TrackedResource> pending, IEnumerable<TrackedResource> due, DateTimeOffset? cutoff)
        {
            History = history;
            Kind = kind;
            Region = region;
            CompartmentId = compartmentId;
            Cutoff = cutoff;
            foreach (var backup in pending)
            {
                Unseen.Add(backup.Id, backup);
            }

            foreach (var backup in due)
            {
                DueUnseen.Add(backup.Id, backup);
            }

            // Never more pages than the gets they replace.
            PageBudget = DueUnseen.Count;
        }

        public CompartmentListing History { get; }

        public ResourceKind Kind { get; }

        public string? Region { get; }

        public string CompartmentId { get; }

        /// <summary>Items created before this cannot be pending targets; null when some target's creation time is not known.</summary>
        public DateTimeOffset? Cutoff { get; }

        public int PageBudget { get; }

        /// <summary>Every pending resource of the compartment not seen yet this round.</summary>
        public Dictionary<string, TrackedResource> Unseen { get; } = new Dictionary<string, TrackedResource>(StringComparer.Ordinal);

        /// <summary>The due ones among them: whatever the pages miss falls back to gets.</summary>
        public Dictionary<string, TrackedResource> DueUnseen { get; } = new Dictionary<string, TrackedResource>(StringComparer.Ordinal);
    }
}
