using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;
using OciBackup.Engine.Waiting;

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

        internal override string ResourceKind => "Volume";

        internal override string Operation => "CreateVolumeBackup";

        internal override string ItemId => VolumeId.Trim();

        internal override BackupKind BackupKind => BackupKind.Volume;

        internal override IEnumerable<InputProblem> CheckCommonParameters()
        {
            var problems = new List<InputProblem>(base.CheckCommonParameters());
            if (KmsKeyId != null)
            {
                var key = InputRules.CheckOcid("kmsKeyId", KmsKeyId, "key");
                if (key != null)
                {
                    problems.Add(key);
                }
            }

            return problems;
        }

        internal override string IdField => "volumeId";

        internal override string IdType => "volume";

        internal override async Task<OciResult<BackupResource>> CreateAsync(string id, string retryToken, OciCallOptions call, CancellationToken cancellationToken)
        {
            var details = new CreateVolumeBackupDetails(id)
            {
                DisplayName = DisplayName,
                Type = BackupTypeValue,
                KmsKeyId = KmsKeyId,
                FreeformTags = FreeformTags,
                DefinedTags = DefinedTags,
            };
            var result = await ActiveSession.Blockstorage.CreateVolumeBackupAsync(details, retryToken, cancellationToken, call).ConfigureAwait(false);
            return new OciResult<BackupResource>(result.Value, result.Response);
        }
    }
}
