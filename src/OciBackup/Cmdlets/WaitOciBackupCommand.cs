using System;
using System.Management.Automation;
using System.Threading.Tasks;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;
using OciBackup.Engine.Waiting;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Waits until backups reach a lifecycle state (AVAILABLE by default) and writes each one as it gets there.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "OciBackup", DefaultParameterSetName = ByObjectSet)]
    [OutputType(typeof(VolumeBackup), typeof(VolumeGroupBackup))]
    public sealed class WaitOciBackupCommand : OciCmdlet
    {
        private const string ByIdSet = "ById";
        private const string ByObjectSet = "ByObject";

        private PipelineWait? _wait;

        /// <summary><para type="description">Backups from New-OciVolumeBackup, New-OciVolumeGroupBackup or Wait-OciBackup.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
        [ValidateNotNull]
        public BackupResource[] InputObject { get; set; } = Array.Empty<BackupResource>();

        /// <summary><para type="description">Backup OCIDs (ocid1.volumebackup.… or ocid1.volumegroupbackup.…), from the pipeline or from objects with an Id property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Alias("BackupId", "VolumeBackupId", "VolumeGroupBackupId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">The state to wait for: AVAILABLE (default), REQUEST_RECEIVED, CREATING, COMMITTED, TERMINATING, TERMINATED or FAULTY (also written Available, RequestReceived, ...).</para></summary>
        // A string, not the engine's enum: see NewBackupCommand.Type.
        [Parameter]
        [ArgumentCompleter(typeof(Completion.BackupLifecycleStateCompleter))]
        [ValidateNotNullOrEmpty]
        public string State { get; set; } = "AVAILABLE";

        /// <summary><para type="description">How long each backup may take, as a TimeSpan or a number of seconds.</para></summary>
        [Parameter]
        [SecondsToTimeSpan]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(2);

        protected override void BeginProcessing()
        {
            var state = BackupLifecycleStates.Parse(State.Replace("_", string.Empty).ToUpperInvariant() switch
            {
                "REQUESTRECEIVED" => "REQUEST_RECEIVED",
                var other => other,
            });
            if (state == BackupLifecycleState.Unknown)
            {
                var problem = new InputProblem("state", State, $"'{State}' is not a backup lifecycle state; use AVAILABLE, REQUEST_RECEIVED, CREATING, COMMITTED, TERMINATING, TERMINATED or FAULTY.");
                ThrowTerminatingError(InputErrors.Record(problem, State));
            }

            var stateText = BackupLifecycleStates.ToServiceString(state);
            _wait = new PipelineWait(this, ActiveSession, new ResourceWaiterOptions { TargetState = stateText, Timeout = Timeout, Call = PacedCallOptions }, new WaitReporter(Queue, stateText));
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByObjectSet)
            {
                foreach (var backup in InputObject)
                {
                    _wait!.Add(new WaitTarget(backup.Id, BackupKind.Of(backup), backup.CompartmentId, backup.TimeRequestReceived ?? backup.TimeCreated, backup, backup.Region));
                }
            }
            else
            {
                foreach (var raw in Id)
                {
                    var id = raw.Trim();
                    var problem = InputRules.CheckOcid("backupId", id, "volumebackup", "volumegroupbackup");
                    if (problem != null)
                    {
                        WriteError(InputErrors.Record(problem, raw));
                        continue;
                    }

                    _wait!.Add(new WaitTarget(id, BackupKind.FromOcid(id)!, tag: raw, region: ActiveSession.Clients.Endpoints.RegionOf(id)));
                }
            }

            Queue.RunPosted(this);
        }

        protected override void EndProcessing() => _wait!.Finish();
    }
}
