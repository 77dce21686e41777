using System.Collections.Generic;
using System.Management.Automation;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Huawei.Bulk;
using OciBackup.Engine.Huawei.Models;
using OciBackup.Engine.Models;
using OciBackup.Huawei;

namespace OciBackup.Cmdlets.Huawei
{
    /// <summary>
    /// <para type="synopsis">Makes a manual backup of each Huawei Cloud RDS DB instance piped in, optionally waiting until it is COMPLETED.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "HwcRdsBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(HwcRdsBackup))]
    public sealed class NewHwcRdsBackupCommand : NewHwcBackupCommand
    {
        /// <summary><para type="description">The id of the RDS DB instance to back up. Takes strings from the pipeline, and objects with an InstanceId or Id property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string InstanceId { get; set; } = string.Empty;

        /// <summary><para type="description">Back up only these databases (SQL Server; PostgreSQL on versions that allow it); the whole instance when omitted.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Database { get; set; }

        internal override string ItemId => InstanceId.Trim();

        internal override string DoneState => "COMPLETED";

        internal override BulkOperation CreateOperation(LostAnswerPolicy lostAnswers, List<InputProblem> problems)
        {
            var request = new RdsBackupRequest(Name) { Description = Description, Databases = Trimmed(Database) };
            problems.AddRange(request.Problems());
            return new CreateRdsBackupOperation(request, lostAnswers);
        }
    }
}
