using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei.Models;

namespace OciBackup.Engine.Huawei.Http
{
    /// <summary>The RDS backups of one region and project. Stamps its region on what it reads.</summary>
    internal sealed class RdsClient : HwcServiceClient
    {
        public RdsClient(OciHttpClient http, string projectId, string region)
            : base(http, projectId, region)
        {
        }

        /// <summary>Asks for a manual backup; the answer is the backup, BUILDING.</summary>
        public async Task<OciResult<HwcRdsBackup>> CreateBackupAsync(RdsCreateBackupDetails details, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            var request = RdsRequests.CreateBackup(ProjectId, details);
            var envelope = HwcResponses.Read<RdsBackupEnvelope>(request, await Http.SendAsync(request, cancellationToken, call).ConfigureAwait(false));
            var backup = envelope.Value.Backup ?? throw new OciServiceException((int)envelope.Response.StatusCode, "InvalidResponse", "The create was accepted without a backup.",
                HwcResponses.RequestIdOf(envelope.Response), request.Method.Method, request.PathAndQuery, requestIdHeader: HwcErrorReader.RequestIdHeaderName);
            backup.Region = Region;
            backup.InstanceId ??= details.InstanceId;
            return new OciResult<HwcRdsBackup>(backup, envelope.Response);
        }

        /// <summary>One page of an instance's backups, from <paramref name="offset"/>, with the count of all.</summary>
        public async Task<OciResult<RdsBackupPage>> ListBackupsAsync(RdsBackupFilter filter, int offset, int limit, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            var request = RdsRequests.ListBackups(ProjectId, filter, offset, limit);
            var page = HwcResponses.Read<RdsBackupPage>(request, await Http.SendAsync(request, cancellationToken, call).ConfigureAwait(false));
            page.Value.Backups ??= new List<HwcRdsBackup>();
            foreach (var backup in page.Value.Backups)
            {
                backup.Region = Region;
            }

            return page;
        }

        /// <summary>Every backup of the instance the filter selects, every page read.</summary>
        public async Task<IReadOnlyList<HwcRdsBackup>> ListAllBackupsAsync(RdsBackupFilter filter, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            var all = new List<HwcRdsBackup>();
            for (var offset = 0; ; offset += RdsRequests.MaxPageSize)
            {
                var page = await ListBackupsAsync(filter, offset, RdsRequests.MaxPageSize, cancellationToken, call).ConfigureAwait(false);
                all.AddRange(page.Value.Backups!);
                var total = page.Value.TotalCount ?? 0;
                if (page.Value.Backups!.Count < RdsRequests.MaxPageSize || all.Count >= total)
                {
                    return all;
                }
            }
        }

        /// <summary>
        /// One backup, read through its instance's list (RDS has no call to read a backup by id). A backup the list does
        /// not show is a 404, as a read by id would be.
        /// </summary>
        public async Task<OciResult<HwcRdsBackup>> GetBackupAsync(string instanceId, string backupId, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            var filter = new RdsBackupFilter(instanceId) { BackupId = backupId };
            var page = await ListBackupsAsync(filter, 0, 1, cancellationToken, call).ConfigureAwait(false);
            var backup = page.Value.Backups!.FirstOrDefault(b => string.Equals(b.Id, backupId, StringComparison.Ordinal));
            if (backup == null)
            {
                var request = RdsRequests.ListBackups(ProjectId, filter, 0, 1);
                throw new OciServiceException(404, "BackupNotFound", $"Instance {instanceId} has no backup {backupId}.",
                    HwcResponses.RequestIdOf(page.Response), request.Method.Method, request.PathAndQuery, requestIdHeader: HwcErrorReader.RequestIdHeaderName);
            }

            return new OciResult<HwcRdsBackup>(backup, page.Response);
        }
    }
}
