using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;
using OciBackup.Engine.Waiting;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Creates a backup of each volume group piped in (one member backup per volume), optionally waiting until it is AVAILABLE.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OciVolumeGroupBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VolumeGroupBackup))]
    public sealed class NewOciVolumeGroupBackupCommand : NewBackupCommand
    {
        /// <summary><para type="description">The OCID of the volume group to back up (ocid1.volumegroup.…). Takes strings from the pipeline, and objects with an Id or VolumeGroupId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string VolumeGroupId { get; set; } = string.Empty;

        /// <summary><para type="description">The compartment to create the backup in; by default the volume group's own.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CompartmentId { get; set; }

        internal override string ResourceKind => "VolumeGroup";

        internal override string Operation => "CreateVolumeGroupBackup";

        internal override string ItemId => VolumeGroupId.Trim();

        internal override BackupKind BackupKind => BackupKind.VolumeGroup;

        internal override IEnumerable<InputProblem> CheckCommonParameters()
        {
            var problems = new List<InputProblem>(base.CheckCommonParameters());
            if (CompartmentId != null)
            {
                var compartment = InputRules.CheckOcid("compartmentId", CompartmentId, "compartment", "tenancy");
                if (compartment != null)
                {
                    problems.Add(compartment);
                }
            }

            return problems;
        }

        internal override string IdField => "volumeGroupId";

        internal override string IdType => "volumegroup";

        internal override async Task<OciResult<BackupResource>> CreateAsync(string id, string retryToken, OciCallOptions call, CancellationToken cancellationToken)
        {
            var details = new CreateVolumeGroupBackupDetails(id)
            {
                CompartmentId = CompartmentId,
                DisplayName = DisplayName,
                Type = BackupTypeValue,
                FreeformTags = FreeformTags,
                DefinedTags = DefinedTags,
            };
            var result = await ActiveSession.Blockstorage.CreateVolumeGroupBackupAsync(details, retryToken, cancellationToken, call).ConfigureAwait(false);
            return new OciResult<BackupResource>(result.Value, result.Response);
        }
    }
}
