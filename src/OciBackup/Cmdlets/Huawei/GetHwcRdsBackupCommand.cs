using System;
using System.Linq;
using System.Management.Automation;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei.Kinds;
using OciBackup.Engine.Huawei.Models;
using OciBackup.Huawei;

namespace OciBackup.Cmdlets.Huawei
{
    /// <summary>
    /// <para type="synopsis">Gets the backups of Huawei Cloud RDS instances: every backup of each instance piped in, or one by id, with a name, a type or begun in a time window.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HwcRdsBackup")]
    [OutputType(typeof(HwcRdsBackup))]
    public sealed class GetHwcRdsBackupCommand : RetryingHwcCmdlet
    {
        /// <summary><para type="description">The RDS instance whose backups to get. Takes strings from the pipeline, and objects with an InstanceId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string InstanceId { get; set; } = string.Empty;

        /// <summary><para type="description">Only this backup (binds from objects with an Id, such as a backup from New-HwcRdsBackup).</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string? BackupId { get; set; }

        /// <summary><para type="description">Only the backup with exactly this name (a name is unique on its instance).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary><para type="description">Only backups of this type: auto, manual, fragment or incremental.</para></summary>
        [Parameter]
        [ValidateSet("auto", "manual", "fragment", "incremental", IgnoreCase = true)]
        public string? Type { get; set; }

        /// <summary><para type="description">Only backups begun at or after this time (with -Before; RDS filters by both ends).</para></summary>
        [Parameter]
        public DateTime After { get; set; }

        /// <summary><para type="description">Only backups begun at or before this time.</para></summary>
        [Parameter]
        public DateTime Before { get; set; }

        protected override void ProcessRecord()
        {
            var instance = InstanceId.Trim();
            var problem = RdsInstanceKind.Instance.CheckId(instance);
            if (problem != null)
            {
                WriteError(InputErrors.Record(problem, InstanceId));
                return;
            }

            var rds = ActiveSession.Rds;
            var filter = new RdsBackupFilter(instance) { BackupId = BackupId?.Trim(), BackupType = Type?.ToLowerInvariant() };
            var after = MyInvocation.BoundParameters.ContainsKey(nameof(After));
            var before = MyInvocation.BoundParameters.ContainsKey(nameof(Before));
            if (after || before)
            {
                filter.BeginTime = after ? new DateTimeOffset(After.ToUniversalTime()) : new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
                filter.EndTime = before ? new DateTimeOffset(Before.ToUniversalTime()) : DateTimeOffset.UtcNow.AddDays(1);
            }

            WriteVerbose($"Listing the backups of RDS instance {instance} in {rds.Region}" + (Name == null ? "" : $" named '{Name}'") + ".");
            try
            {
                var task = rds.ListAllBackupsAsync(filter, StopToken, CallOptions);
                Queue.RunUntil(task, this, StopToken);
                foreach (var backup in task.GetAwaiter().GetResult().Where(b => Name == null || string.Equals(b.Name, Name, StringComparison.Ordinal)))
                {
                    WriteObject(backup);
                }
            }
            catch (Exception e) when (e is OciServiceException || e is OciTransportException)
            {
                WriteError(HwcErrorRecords.From(e, InstanceId, "HwcRdsInstance"));
            }
        }
    }
}
