using System.Management.Automation;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Copies each volume backup piped in to another region, optionally waiting there until the copy is AVAILABLE.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Copy, "OciVolumeBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VolumeBackup))]
    public sealed class CopyOciVolumeBackupCommand : CopyBackupCommand
    {
        /// <summary><para type="description">The OCID of the volume backup to copy (ocid1.volumebackup.…). Takes strings from the pipeline, and objects with an Id or VolumeBackupId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string VolumeBackupId { get; set; } = string.Empty;

        internal override BackupKind Kind => BackupKind.Volume;

        internal override string ItemId => VolumeBackupId.Trim();
    }
}
