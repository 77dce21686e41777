using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Retention
{
    /// <summary>What the retention rules decided about one backup, and why, in words a person can check.</summary>
    internal sealed class RetentionDecision
    {
        public RetentionDecision(BackupResource backup, BackupKind kind, string? sourceId, bool selected, RetentionRule rule, string reason)
        {
            Backup = backup;
            Kind = kind;
            SourceId = sourceId;
            Selected = selected;
            Rule = rule;
            Reason = reason;
        }

        public BackupResource Backup { get; }

        public BackupKind Kind { get; }

        /// <summary>The volume or volume group it is a backup of, which it is counted with.</summary>
        public string? SourceId { get; }

        /// <summary>Chosen for removal.</summary>
        public bool Selected { get; }

        /// <summary>The rules that chose it; <see cref="RetentionRule.None"/> when kept.</summary>
        public RetentionRule Rule { get; }

        public string Reason { get; }

        public override string ToString() => $"{(Selected ? "remove" : "keep")} {Backup.Id}: {Reason}";
    }
}
