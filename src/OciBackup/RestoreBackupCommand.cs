using System;
using System.Collections.Generic;
using System.Management.Automation;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup
{
    /// <summary>
    /// The parameters the two restore cmdlets share; the run is <see cref="BulkCommand"/>'s, of a
    /// <see cref="RestoreBackupOperation"/>: a new volume (or volume group) in the backup's region.
    /// </summary>
    public abstract class RestoreBackupCommand : TaggedBulkCommand
    {
        /// <summary>
        /// <para type="description">An availability domain of the backup's region (Tab lists them); by default the region's first by name.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.AvailabilityDomainCompleter))]
        public string? AvailabilityDomain { get; set; }

        /// <summary><para type="description">The compartment to restore into; by default the backup's (piped backups say theirs).</para></summary>
        // No [ValidateNotNullOrEmpty]: see BulkCommand.Region. Each item's is checked as it comes.
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? CompartmentId { get; set; }

        internal abstract BackupKind Kind { get; }

        internal override string? ItemCompartmentId => CompartmentId;

        internal override BulkOperation CreateOperation(List<InputProblem> problems)
        {
            var (freeform, defined) = NameAndTags(problems);
            var details = new RestoreDetails(AvailabilityDomain?.Trim()) { DisplayName = DisplayName, FreeformTags = freeform, DefinedTags = defined };
            problems.AddRange(CompleteDetails(details));
            return new RestoreBackupOperation(Kind, details);
        }

        /// <summary>Adds what only a volume's restore takes (size, performance, key) to the details, with any problem in it.</summary>
        internal virtual IEnumerable<InputProblem> CompleteDetails(RestoreDetails details) => Array.Empty<InputProblem>();
    }
}
