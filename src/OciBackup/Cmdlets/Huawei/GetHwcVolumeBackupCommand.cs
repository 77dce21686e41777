using System;
using System.Management.Automation;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei.Kinds;
using OciBackup.Engine.Huawei.Models;
using OciBackup.Huawei;

namespace OciBackup.Cmdlets.Huawei
{
    /// <summary>
    /// <para type="synopsis">Gets Huawei Cloud VBS backups: one by id, or every backup of the project, of a disk, with a name or in a status.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HwcVolumeBackup", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(HwcVolumeBackup))]
    public sealed class GetHwcVolumeBackupCommand : RetryingHwcCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary><para type="description">The backup's id (a UUID).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string BackupId { get; set; } = string.Empty;

        /// <summary><para type="description">Only the backups of this EVS disk; binds from objects with a VolumeId property (a job, a backup).</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? VolumeId { get; set; }

        /// <summary><para type="description">Only the backups with exactly this name.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary><para type="description">Only the backups in this status: creating, available, error, restoring, deleting or error_restoring.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("creating", "available", "error", "restoring", "deleting", "error_restoring", IgnoreCase = true)]
        public string? Status { get; set; }

        protected override void ProcessRecord()
        {
            var vbs = ActiveSession.Vbs;
            try
            {
                if (ParameterSetName == ByIdSet)
                {
                    var id = BackupId.Trim();
                    var problem = VbsBackupKind.Instance.CheckId(id);
                    if (problem != null)
                    {
                        WriteError(InputErrors.Record(problem, BackupId));
                        return;
                    }

                    WriteVerbose($"Reading VBS backup {id} in {vbs.Region}.");
                    WriteObject(Run(token => vbs.GetBackupAsync(id, token, CallOptions)).Value);
                    return;
                }

                var volume = VolumeId?.Trim();
                if (volume != null && EvsVolumeKind.Instance.CheckId(volume) is { } bad)
                {
                    WriteError(InputErrors.Record(bad, VolumeId!));
                    return;
                }

                var filter = new VbsBackupFilter { VolumeId = volume, Name = Name, Status = Status?.ToLowerInvariant() };
                WriteVerbose($"Listing the VBS backups of project {vbs.ProjectId} in {vbs.Region}" + (volume == null ? "" : $" of disk {volume}") + (Name == null ? "" : $" named '{Name}'") + ".");
                foreach (var backup in Run(token => vbs.ListAllBackupsAsync(filter, token, CallOptions)))
                {
                    WriteObject(backup);
                }
            }
            catch (Exception e) when (e is OciServiceException || e is OciTransportException)
            {
                WriteError(HwcErrorRecords.From(e, (object?)VolumeId ?? BackupId, "HwcVolumeBackup"));
            }
        }

        private T Run<T>(Func<System.Threading.CancellationToken, System.Threading.Tasks.Task<T>> call)
        {
            var task = call(StopToken);
            Queue.RunUntil(task, this, StopToken);
            return task.GetAwaiter().GetResult();
        }
    }
}
