using System;
using System.Management.Automation;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Gets volume group backups by id, the backups of volume groups piped in, or those of a compartment, filtered by name and state, in any region of the session.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OciVolumeGroupBackup", DefaultParameterSetName = ByCompartmentSet)]
    [OutputType(typeof(VolumeGroupBackup))]
    public sealed class GetOciVolumeGroupBackupCommand : GetBackupCommand
    {
        /// <summary>
        /// <para type="description">Volume group backup OCIDs (ocid1.volumegroupbackup.…), or volume group OCIDs (ocid1.volumegroup.…) for each group's backups; from the pipeline or from objects with an Id or VolumeGroupBackupId property, so groups from Get-OciVolumeGroup give their backups.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Alias("VolumeGroupBackupId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        internal override BackupKind BackupKind => BackupKind.VolumeGroup;

        internal override string[] Ids => Id;
    }
}
