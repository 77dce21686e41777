using System.Management.Automation;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Copies each volume group backup piped in to another region, optionally waiting there until the copy is AVAILABLE.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Copy, "OciVolumeGroupBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VolumeGroupBackup))]
    public sealed class CopyOciVolumeGroupBackupCommand : CopyBackupCommand
    {
        /// <summary><para type="description">The OCID of the volume group backup to copy (ocid1.volumegroupbackup.…). Takes strings from the pipeline, and objects with an Id or VolumeGroupBackupId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string VolumeGroupBackupId { get; set; } = string.Empty;

        internal override BackupKind Kind => BackupKind.VolumeGroup;

        internal override string ItemId => VolumeGroupBackupId.Trim();
    }
}
