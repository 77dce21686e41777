using System.Management.Automation;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Restores each volume group backup piped in as a new volume group (a new volume per member backup), optionally waiting until it is AVAILABLE.</para>
    /// </summary>
    [Cmdlet(VerbsData.Restore, "OciVolumeGroupBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VolumeGroup))]
    public sealed class RestoreOciVolumeGroupBackupCommand : RestoreBackupCommand
    {
        /// <summary><para type="description">The OCID of the volume group backup to restore (ocid1.volumegroupbackup.…). Takes strings from the pipeline, and objects with an Id or VolumeGroupBackupId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string VolumeGroupBackupId { get; set; } = string.Empty;

        internal override BackupKind Kind => BackupKind.VolumeGroup;

        internal override string ItemId => VolumeGroupBackupId.Trim();
    }
}
