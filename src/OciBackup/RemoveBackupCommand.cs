using System.Collections.Generic;
using System.Management.Automation;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup
{
    /// <summary>
    /// The parameters the two remove cmdlets share; the run is <see cref="BulkCommand"/>'s, of a
    /// <see cref="DeleteBackupOperation"/>: each backup deleted in its own region, a wait waiting for TERMINATED.
    /// They write nothing (a removed backup is gone); -Verbose tells each deletion and why it was asked for.
    /// </summary>
    public abstract class RemoveBackupCommand : BulkCommand
    {
        /// <summary>
        /// <para type="description">Why the backup is removed, shown by -WhatIf, -Confirm and -Verbose. Select-OciBackupToRemove gives each backup it selects a RetentionReason, which binds here.</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("RetentionReason")]
        public string? Reason { get; set; }

        /// <summary>The kind of backup this cmdlet removes.</summary>
        internal abstract BackupKind Kind { get; }

        internal override bool WritesResults => false;

        internal override string? ItemReason => Reason;

        internal override BulkOperation CreateOperation(List<InputProblem> problems) => new DeleteBackupOperation(Kind);
    }
}
