using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei.Models;

namespace OciBackup.Engine.Huawei.Http
{
    /// <summary>The Volume Backup Service of one region and project: creates, jobs, backups. Stamps its region on what it reads.</summary>
    internal sealed class VbsClient : HwcServiceClient
    {
        public VbsClient(OciHttpClient http, string projectId, string region)
            : base(http, projectId, region)
        {
        }

        /// <summary>Asks for a backup; the answer is the job that makes it (INIT), with what was asked.</summary>
        public async Task<OciResult<HwcVolumeBackupJob>> CreateBackupAsync(VbsCreateBackupDetails details, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            var request = VbsRequests.CreateBackup(ProjectId, details);
            var accepted = HwcResponses.Read<VbsJobAccepted>(request, await Http.SendAsync(request, cancellationToken, call).ConfigureAwait(false));
            if (string.IsNullOrEmpty(accepted.Value.JobId))
            {
                throw new OciServiceException((int)accepted.Response.StatusCode, "InvalidResponse", "The create was accepted without a job id.",
                    HwcResponses.RequestIdOf(accepted.Response), request.Method.Method, request.PathAndQuery, requestIdHeader: HwcErrorReader.RequestIdHeaderName);
            }

            var job = new HwcVolumeBackupJob
            {
                JobId = accepted.Value.JobId!,
                Status = "INIT",
                JobType = "bksCreateBackup",
                VolumeId = details.VolumeId,
                BackupName = details.Name,
                Region = Region,
            };
            return new OciResult<HwcVolumeBackupJob>(job, accepted.Response);
        }

        public async Task<OciResult<HwcVolumeBackupJob>> GetJobAsync(string jobId, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            var request = VbsRequests.GetJob(ProjectId, jobId);
            var result = HwcResponses.Read<HwcVolumeBackupJob>(request, await Http.SendAsync(request, cancellationToken, call).ConfigureAwait(false));
            result.Value.Region = Region;
            if (string.IsNullOrEmpty(result.Value.JobId))
            {
                result.Value.JobId = jobId;
            }

            return result;
        }

        public async Task<OciResult<HwcVolumeBackup>> GetBackupAsync(string backupId, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            var request = VbsRequests.GetBackup(ProjectId, backupId);
            var envelope = HwcResponses.Read<VbsBackupEnvelope>(request, await Http.SendAsync(request, cancellationToken, call).ConfigureAwait(false));
            var backup = envelope.Value.Backup ?? throw new OciServiceException((int)envelope.Response.StatusCode, "InvalidResponse", "The answer held no backup.",
                HwcResponses.RequestIdOf(envelope.Response), request.Method.Method, request.PathAndQuery, requestIdHeader: HwcErrorReader.RequestIdHeaderName);
            backup.Region = Region;
            return new OciResult<HwcVolumeBackup>(backup, envelope.Response);
        }

        /// <summary>One page of backups the filter selects, from <paramref name="offset"/>.</summary>
        public async Task<OciResult<IReadOnlyList<HwcVolumeBackup>>> ListBackupsAsync(VbsBackupFilter filter, int offset, int limit, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            var request = VbsRequests.ListBackups(ProjectId, filter, offset, limit);
            var page = HwcResponses.Read<VbsBackupPage>(request, await Http.SendAsync(request, cancellationToken, call).ConfigureAwait(false));
            var backups = page.Value.Backups ?? new List<HwcVolumeBackup>();
            foreach (var backup in backups)
            {
                backup.Region = Region;
            }

            return new OciResult<IReadOnlyList<HwcVolumeBackup>>(backups, page.Response);
        }

        /// <summary>Every backup the filter selects, every page read (a page shorter than asked is the last).</summary>
        public async Task<IReadOnlyList<HwcVolumeBackup>> ListAllBackupsAsync(VbsBackupFilter filter, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            var all = new List<HwcVolumeBackup>();
            for (var offset = 0; ; offset += VbsRequests.MaxPageSize)
            {
                var page = await ListBackupsAsync(filter, offset, VbsRequests.MaxPageSize, cancellationToken, call).ConfigureAwait(false);
                all.AddRange(page.Value);
                if (page.Value.Count < VbsRequests.MaxPageSize)
                {
                    return all;
                }
            }
        }
    }
}
