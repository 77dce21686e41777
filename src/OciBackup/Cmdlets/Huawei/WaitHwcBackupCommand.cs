using System;
using System.Management.Automation;
using System.Threading.Tasks;
using OciBackup.Engine.Huawei.Kinds;
using OciBackup.Engine.Huawei.Models;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;
using OciBackup.Engine.Waiting;
using OciBackup.Huawei;

namespace OciBackup.Cmdlets.Huawei
{
    /// <summary>
    /// <para type="synopsis">Waits until Huawei Cloud backups are done, VBS and RDS alike, and writes each one as it gets there: a VBS job until SUCCESS (then its backup), a VBS backup until available, an RDS backup until COMPLETED.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "HwcBackup", DefaultParameterSetName = ByObjectSet)]
    [OutputType(typeof(HwcVolumeBackup), typeof(HwcRdsBackup))]
    public sealed class WaitHwcBackupCommand : HwcCmdlet
    {
        private const string ByObjectSet = "ByObject";
        private const string ByJobIdSet = "ByJobId";
        private const string ByBackupIdSet = "ByBackupId";

        private PipelineWait? _wait;

        /// <summary><para type="description">What New-HwcVolumeBackup, New-HwcRdsBackup, Get-HwcVolumeBackup or Get-HwcRdsBackup wrote: VBS jobs, VBS backups, RDS backups.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
        [ValidateNotNull]
        public object[] InputObject { get; set; } = Array.Empty<object>();

        /// <summary><para type="description">Ids of VBS backup jobs (what a VBS create answers with), from the pipeline or from objects with a JobId property.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByJobIdSet)]
        [ValidateNotNullOrEmpty]
        public string[] JobId { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">Ids of backups: with -InstanceId, RDS backups of that instance; without it, VBS backups.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByBackupIdSet)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[] BackupId { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">The RDS instance the backups named by -BackupId belong to (RDS reads a backup only through its instance).</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByBackupIdSet)]
        [ValidateNotNullOrEmpty]
        public string? InstanceId { get; set; }

        /// <summary><para type="description">How long each backup may take, as a TimeSpan or a number of seconds.</para></summary>
        [Parameter]
        [SecondsToTimeSpan]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(2);

        protected override void BeginProcessing()
        {
            _wait = new PipelineWait(this, ActiveSession, new ResourceWaiterOptions { TargetState = VbsBackupJobKind.Success, Timeout = Timeout, Call = PacedCallOptions },
                new WaitReporter(Queue, "done", errors: HwcErrorRecords.From, waitCommand: "Wait-HwcBackup"));
        }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case ByObjectSet:
                    foreach (var input in InputObject)
                    {
                        AddObject(input is PSObject wrapped ? wrapped.BaseObject : input);
                    }

                    break;
                case ByJobIdSet:
                    foreach (var id in JobId)
                    {
                        AddId(id, VbsBackupJobKind.Instance, null);
                    }

                    break;
                default:
                    foreach (var id in BackupId)
                    {
                        AddId(id, InstanceId == null ? (ResourceKind)VbsBackupKind.Instance : RdsBackupKind.Instance, InstanceId?.Trim());
                    }

                    break;
            }

            Queue.RunPosted(this);
        }

        protected override void EndProcessing() => _wait!.Finish();

        private void AddObject(object input)
        {
            switch (input)
            {
                case HwcVolumeBackupJob job:
                    Add(job.JobId, VbsBackupJobKind.Instance, null, job.BeginTime, job);
                    break;
                case HwcVolumeBackup backup:
                    Add(backup.Id, VbsBackupKind.Instance, null, backup.CreatedAt, backup);
                    break;
                case HwcRdsBackup backup:
                    Add(backup.Id, RdsBackupKind.Instance, backup.InstanceId, backup.BeginTime, backup);
                    break;
                case string id:
                    // A bare id: a VBS job id (32 hex digits) or a VBS backup id (a UUID); RDS backups need -InstanceId.
                    AddId(id, VbsBackupJobKind.Instance.Owns(id.Trim()) ? (ResourceKind)VbsBackupJobKind.Instance : VbsBackupKind.Instance, null);
                    break;
                default:
                    WriteError(new ErrorRecord(new PSArgumentException($"A {input.GetType().Name} is not a Huawei backup or job."), "OciBackup.InvalidHwcBackup", ErrorCategory.InvalidArgument, input)
                    {
                        ErrorDetails = new ErrorDetails($"A {input.GetType().Name} is not a Huawei backup or job.")
                        {
                            RecommendedAction = "Pipe what New-HwcVolumeBackup, New-HwcRdsBackup, Get-HwcVolumeBackup or Get-HwcRdsBackup wrote, or give -JobId, or -BackupId (with -InstanceId for RDS).",
                        },
                    });
                    break;
            }
        }

        private void AddId(string raw, ResourceKind kind, string? instanceId)
        {
            var id = raw.Trim();
            var problem = kind.CheckId(id);
            if (problem != null)
            {
                WriteError(InputErrors.Record(problem, raw));
                return;
            }

            Add(id, kind, instanceId, null, raw);
        }

        private void Add(string id, ResourceKind kind, string? scopeId, DateTimeOffset? requested, object tag)
        {
            _wait!.Add(new WaitTarget(id, kind, scopeId, requested, tag, region: null, state: kind.Lifecycle.Ready));
        }
    }
}
