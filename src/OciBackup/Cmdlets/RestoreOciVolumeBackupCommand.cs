using System.Collections.Generic;
using System.Management.Automation;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Restores each volume backup piped in as a new block volume, optionally waiting until it is AVAILABLE.</para>
    /// </summary>
    [Cmdlet(VerbsData.Restore, "OciVolumeBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Volume))]
    public sealed class RestoreOciVolumeBackupCommand : RestoreBackupCommand
    {
        /// <summary><para type="description">The OCID of the volume backup to restore (ocid1.volumebackup.…). Takes strings from the pipeline, and objects with an Id or VolumeBackupId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string VolumeBackupId { get; set; } = string.Empty;

        /// <summary><para type="description">The new volume's size in GB, 50 to 32768, at least the backup's; by default the backup's.</para></summary>
        [Parameter]
        [ValidateRange(50, 32768)]
        public long SizeInGBs { get; set; }

        /// <summary><para type="description">Performance units per GB: 0 lower cost, 10 balanced, 20 higher performance, 30 to 120 (in steps of 10) ultra high.</para></summary>
        [Parameter]
        [ValidateRange(0, 120)]
        public long VpusPerGB { get; set; }

        /// <summary><para type="description">The OCID of a Vault key (ocid1.key.…) to encrypt the new volume with.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? KmsKeyId { get; set; }

        internal override BackupKind Kind => BackupKind.Volume;

        internal override string ItemId => VolumeBackupId.Trim();

        internal override IEnumerable<InputProblem> CompleteDetails(RestoreDetails details)
        {
            details.SizeInGBs = MyInvocation.BoundParameters.ContainsKey(nameof(SizeInGBs)) ? SizeInGBs : (long?)null;
            details.VpusPerGB = MyInvocation.BoundParameters.ContainsKey(nameof(VpusPerGB)) ? VpusPerGB : (long?)null;
            details.KmsKeyId = KmsKeyId;
            if (details.VpusPerGB is long vpus && vpus % 10 != 0)
            {
                yield return new InputProblem("vpusPerGB", VpusPerGB.ToString(System.Globalization.CultureInfo.InvariantCulture), $"vpusPerGB is {VpusPerGB}; the service takes 0, 10, 20 and 30 to 120 in steps of 10.");
            }

            var key = KmsKeyId == null ? null : InputRules.CheckOcid("kmsKeyId", KmsKeyId, "key");
            if (key != null)
            {
                yield return key;
            }
        }
    }
}
