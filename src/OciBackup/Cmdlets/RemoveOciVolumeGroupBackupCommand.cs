using System.Management.Automation;
using OciBackup.Engine.Kinds;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Deletes each volume group backup piped in, with its member volume backups, optionally waiting until it is TERMINATED; one that fails never stops the rest.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OciVolumeGroupBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOciVolumeGroupBackupCommand : RemoveBackupCommand
    {
        /// <summary><para type="description">The OCID of the volume group backup to delete (ocid1.volumegroupbackup.…). Takes strings from the pipeline, and objects with an Id or VolumeGroupBackupId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string VolumeGroupBackupId { get; set; } = string.Empty;

        internal override BackupKind Kind => BackupKind.VolumeGroup;

        internal override string ItemId => VolumeGroupBackupId.Trim();
    }
}
