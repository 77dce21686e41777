using System.Management.Automation;
using OciBackup.Engine.Kinds;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Deletes each volume backup piped in, optionally waiting until it is TERMINATED; one that fails never stops the rest.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OciVolumeBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOciVolumeBackupCommand : RemoveBackupCommand
    {
        /// <summary><para type="description">The OCID of the volume backup to delete (ocid1.volumebackup.…). Takes strings from the pipeline, and objects with an Id or VolumeBackupId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string VolumeBackupId { get; set; } = string.Empty;

        internal override BackupKind Kind => BackupKind.Volume;

        internal override string ItemId => VolumeBackupId.Trim();
    }
}
