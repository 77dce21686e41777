using System;
using System.Collections.Generic;

namespace OciBackup.Engine.Waiting
{
    /// <summary>One round's list pages through one compartment: which pending backups it may answer and when to stop.</summary>
    internal sealed class ListingSweep
    {
        public ListingSweep(CompartmentListing history, BackupKind kind, string compartmentId, IEnumerable<TrackedBackup> pending, IEnumerable<TrackedBackup> due, DateTimeOffset? cutoff)
        {
            History = history;
            Kind = kind;
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

        public BackupKind Kind { get; }

        public string CompartmentId { get; }

        /// <summary>Items created before this cannot be pending targets; null when some target's creation time is not known.</summary>
        public DateTimeOffset? Cutoff { get; }

        public int PageBudget { get; }

        /// <summary>Every pending backup of the compartment not seen yet this round.</summary>
        public Dictionary<string, TrackedBackup> Unseen { get; } = new Dictionary<string, TrackedBackup>(StringComparer.Ordinal);

        /// <summary>The due ones among them: whatever the pages miss falls back to gets.</summary>
        public Dictionary<string, TrackedBackup> DueUnseen { get; } = new Dictionary<string, TrackedBackup>(StringComparer.Ordinal);
    }
}
