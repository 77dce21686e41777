using System.Collections.Generic;
using System.Management.Automation;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

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

        internal override BackupKind Kind => BackupKind.VolumeGroup;

        internal override string ItemId => VolumeGroupId.Trim();

        internal override IEnumerable<InputProblem> CompleteDetails(BackupDetails details)
        {
            details.CompartmentId = CompartmentId;
            var compartment = CompartmentId == null ? null : InputRules.CheckOcid("compartmentId", CompartmentId, "compartment", "tenancy");
            return compartment == null ? new InputProblem[0] : new[] { compartment };
        }
    }
}
