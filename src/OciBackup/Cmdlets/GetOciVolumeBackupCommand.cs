using System;
using System.Management.Automation;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Gets volume backups by id, the backups of volumes piped in, or those of a compartment, filtered by name and state, in any region of the session.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OciVolumeBackup", DefaultParameterSetName = ByCompartmentSet)]
    [OutputType(typeof(VolumeBackup))]
    public sealed class GetOciVolumeBackupCommand : GetBackupCommand
    {
        /// <summary>
        /// <para type="description">Volume backup OCIDs (ocid1.volumebackup.…), or volume OCIDs (ocid1.volume.…) for each volume's backups; from the pipeline or from objects with an Id or VolumeBackupId property, so volumes from Get-OciVolume give their backups.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Alias("VolumeBackupId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        internal override BackupKind BackupKind => BackupKind.Volume;

        internal override string[] Ids => Id;
    }
}
