using System;
using System.Collections.Generic;
using System.Management.Automation;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup
{
    /// <summary>The parameters the two create cmdlets share; the run is <see cref="BulkCommand"/>'s, of a <see cref="CreateBackupOperation"/>.</summary>
    public abstract class NewBackupCommand : TaggedBulkCommand
    {
        /// <summary><para type="description">Full or Incremental. The service's default is Incremental.</para></summary>
        // A string, not the engine's enum: an enum-typed field would make PowerShell load the engine while it
        // scans the cmdlets, before the engine's private load context is in place.
        [Parameter]
        [ValidateSet("Full", "Incremental", IgnoreCase = true)]
        [ArgumentCompleter(typeof(Completion.BackupTypeCompleter))]
        public string? Type { get; set; }

        /// <summary>The -Type as the engine's enum, or null for the service's default.</summary>
        internal BackupType? BackupTypeValue => Type == null ? (BackupType?)null : string.Equals(Type, "Full", StringComparison.OrdinalIgnoreCase) ? BackupType.Full : BackupType.Incremental;

        /// <summary>The kind of backup this cmdlet makes; everything else about the kind is the engine's.</summary>
        internal abstract BackupKind Kind { get; }

        internal override BulkOperation CreateOperation(List<InputProblem> problems)
        {
            var (freeform, defined) = NameAndTags(problems);
            var details = new BackupDetails { DisplayName = DisplayName, Type = BackupTypeValue, FreeformTags = freeform, DefinedTags = defined };
            problems.AddRange(CompleteDetails(details));
            return new CreateBackupOperation(Kind, details);
        }

        /// <summary>Adds what only this kind of backup takes (a key, a compartment) to the details, with any problem in it.</summary>
        internal virtual IEnumerable<InputProblem> CompleteDetails(BackupDetails details) => Array.Empty<InputProblem>();
    }
}
