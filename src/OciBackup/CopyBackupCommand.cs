using System;
using System.Collections.Generic;
using System.Management.Automation;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup
{
    /// <summary>
    /// The parameters the two copy cmdlets share; the run is <see cref="BulkCommand"/>'s, of a
    /// <see cref="CopyBackupOperation"/>: asked of each backup's own region, the copy made and waited for in the destination.
    /// </summary>
    public abstract class CopyBackupCommand : MakingBulkCommand
    {
        private string? _destination;

        /// <summary><para type="description">The region to copy to (us-phoenix-1, or a short code such as phx): one the session serves, other than the backup's.</para></summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
        public string DestinationRegion { get; set; } = string.Empty;

        /// <summary><para type="description">A name for each copy (1 to 255 characters); by default the backup's.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        /// <summary><para type="description">The OCID of a Vault key in the destination region (ocid1.key.…) to encrypt the copies with.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? KmsKeyId { get; set; }

        /// <summary><para type="description">The compartment the backup is in (piped backups say theirs): where the destination is searched for an earlier copy.</para></summary>
        // No [ValidateNotNullOrEmpty]: see BulkCommand.Region. Each item's is checked as it comes.
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? CompartmentId { get; set; }

        /// <summary><para type="description">Copy even when the destination already holds a copy of the backup, without looking for one.</para></summary>
        [Parameter]
        public SwitchParameter AllowDuplicate { get; set; }

        internal abstract BackupKind Kind { get; }

        internal override string? ItemCompartmentId => CompartmentId;

        internal override BulkOperation CreateOperation(List<InputProblem> problems)
        {
            Add(problems, InputRules.CheckName("displayName", DisplayName));
            Add(problems, KmsKeyId == null ? null : InputRules.CheckOcid("kmsKeyId", KmsKeyId, "key"));
            try
            {
                // The service takes the region's identifier (us-phoenix-1), never a short code; and a region the session
                // cannot reach could make copies but never wait for them.
                var endpoints = ActiveSession.Clients.Endpoints;
                _destination = endpoints.Normalize(DestinationRegion);
                endpoints.Blockstorage(_destination);
            }
            catch (OciConfigException unusable)
            {
                problems.Add(new InputProblem("destinationRegion", DestinationRegion, unusable.Message + " " + unusable.RecommendedAction));
            }

            var details = new CopyBackupDetails(_destination ?? DestinationRegion) { DisplayName = DisplayName, KmsKeyId = KmsKeyId };
            return new CopyBackupOperation(Kind, details, new CopyOptions { FindEarlierCopies = !AllowDuplicate, LimitTimeout = Timeout });
        }

        internal override InputProblem? CheckItem(BulkItem item)
        {
            string? source;
            try
            {
                source = ActiveSession.Clients.Endpoints.Normalize(item.Region);
            }
            catch (OciConfigException)
            {
                // The run fails the item with the session's reason.
                return null;
            }

            return string.Equals(source, _destination, StringComparison.Ordinal)
                ? new InputProblem("destinationRegion", _destination, $"{Kind.Describe(item.Id)} is in {source} already; copy it to another region.")
                : null;
        }

        private static void Add(List<InputProblem> problems, InputProblem? problem)
        {
            if (problem != null)
            {
                problems.Add(problem);
            }
        }
    }
}
