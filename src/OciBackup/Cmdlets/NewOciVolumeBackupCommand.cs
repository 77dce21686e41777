using System.Collections.Generic;
using System.Management.Automation;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Creates a backup of each block volume piped in, optionally waiting until it is AVAILABLE.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OciVolumeBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VolumeBackup))]
    public sealed class NewOciVolumeBackupCommand : NewBackupCommand
    {
        /// <summary><para type="description">The OCID of the volume to back up (ocid1.volume.…). Takes strings from the pipeline, and objects with an Id or VolumeId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string VolumeId { get; set; } = string.Empty;

        /// <summary><para type="description">The OCID of a customer-managed key (ocid1.key.…) to encrypt the backup with.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? KmsKeyId { get; set; }

        internal override BackupKind Kind => BackupKind.Volume;

        internal override string ItemId => VolumeId.Trim();

        internal override IEnumerable<InputProblem> CompleteDetails(BackupDetails details)
        {
            details.KmsKeyId = KmsKeyId;
            var key = KmsKeyId == null ? null : InputRules.CheckOcid("kmsKeyId", KmsKeyId, "key");
            return key == null ? new InputProblem[0] : new[] { key };
        }
    }
}
