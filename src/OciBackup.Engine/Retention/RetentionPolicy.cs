using System;
using System.Collections.Generic;
using System.Linq;

namespace OciBackup.Engine.Retention
{
    /// <summary>
    /// What to select for removal. With both <see cref="KeepLast"/> and <see cref="OlderThan"/> a backup is selected
    /// only when both select it (keep the newest N, and keep anything younger than the age). Backups named are
    /// selected whatever the rules say, when they are in a final state.
    /// </summary>
    internal sealed class RetentionPolicy
    {
        public RetentionPolicy(int? keepLast = null, TimeSpan? olderThan = null, IEnumerable<string>? names = null)
        {
            if (keepLast < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(keepLast), "Keep zero or more backups of each source.");
            }

            if (olderThan <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(olderThan), "The age must be positive.");
            }

            KeepLast = keepLast;
            OlderThan = olderThan;
            Names = new HashSet<string>(names ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
            if (keepLast == null && olderThan == null && Names.Count == 0)
            {
                throw new ArgumentException("Say what to select: how many to keep, an age, or backups by name.");
            }
        }

        /// <summary>Keep this many newest AVAILABLE backups of each source (the newest one is always kept).</summary>
        public int? KeepLast { get; }

        /// <summary>Select backups created longer ago than this.</summary>
        public TimeSpan? OlderThan { get; }

        /// <summary>OCIDs or exact display names of backups to select even if a rule would keep them.</summary>
        public IReadOnlyCollection<string> Names { get; }
    }
}
