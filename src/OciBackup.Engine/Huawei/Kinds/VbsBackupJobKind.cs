using System;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei.Http;
using OciBackup.Engine.Huawei.Models;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Huawei.Kinds
{
    /// <summary>
    /// The job VBS runs for a backup (<c>GET /v1/{project_id}/jobs/{job_id}</c>): INIT, RUNNING, then SUCCESS or FAIL.
    /// A wait for one ends at SUCCESS with the backup it made, read by the job's backup id; a FAIL carries the job's reason.
    /// </summary>
    internal sealed class VbsBackupJobKind : ResourceKind
    {
        public const string Success = "SUCCESS";

        public static readonly VbsBackupJobKind Instance = new VbsBackupJobKind();

        private VbsBackupJobKind()
            : base("VbsBackupJob", "volume backup job", "hwc-vbs-job", "jobId", "HwcVolumeBackup", "/v1/{project_id}/jobs/{job_id}", listsNewestFirst: false,
                new LifecycleStates(new[] { "INIT", "RUNNING", Success }, "FAIL"))
        {
        }

        public override string IdName => "job id";

        // Jobs are read one by one: VBS has no list of them.
        public override bool CanList => false;

        public override InputProblem? CheckId(string? id) => HwcInputRules.CheckServiceId(IdField, "a VBS job id", id);

        public override bool Owns(string? id) => CheckId(id) == null && HwcInputRules.CheckUuid(IdField, "a backup id", id) != null;

        /// <summary>Reads the job; once it succeeded, reads the backup it made too, so the wait hands that over.</summary>
        public override async Task<OciResult<ILifecycleResource>> GetAsync(IServiceClients clients, string? region, string id, string? scopeId, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            var vbs = HwcKinds.Clients(clients).Vbs(region);
            var job = await vbs.GetJobAsync(id, cancellationToken, call).ConfigureAwait(false);
            if (string.Equals(job.Value.Status, Success, StringComparison.OrdinalIgnoreCase) && job.Value.BackupId != null)
            {
                var backup = await vbs.GetBackupAsync(job.Value.BackupId, cancellationToken, call).ConfigureAwait(false);
                backup.Value.JobId = job.Value.JobId;
                job.Value.Backup = backup.Value;
            }

            return new OciResult<ILifecycleResource>(job.Value, job.Response);
        }

        /// <summary>A succeeded job hands over its backup (a job that succeeded without naming one hands over itself).</summary>
        public override ILifecycleResource Delivered(ILifecycleResource reached) =>
            reached is HwcVolumeBackupJob job && job.Backup != null ? job.Backup : reached;

        public override string? FailureReason(ILifecycleResource failed)
        {
            if (!(failed is HwcVolumeBackupJob job))
            {
                return null;
            }

            return job.ErrorCode == null ? job.FailReason : $"{job.FailReason} ({job.ErrorCode})";
        }

        public override ILifecycleResource Gone(string id, string? region, ILifecycleResource? lastSeen) =>
            new HwcVolumeBackupJob { JobId = id, Region = region, Status = Lifecycle.Faulty };
    }
}
