using System;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei.Models;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Huawei.Kinds
{
    /// <summary>
    /// Manual (and other) backups of RDS instances: BUILDING, then COMPLETED or FAILED. RDS reads a backup only through
    /// its instance's list, so a wait needs the instance id (the backup's, or the create's).
    /// </summary>
    internal sealed class RdsBackupKind : ResourceKind
    {
        public const string Completed = "COMPLETED";

        public static readonly RdsBackupKind Instance = new RdsBackupKind();

        private RdsBackupKind()
            : base("RdsBackup", "RDS backup", "hwc-rds-backup", "backupId", "HwcRdsBackup", "/v3/{project_id}/backups?instance_id={instance_id}", listsNewestFirst: false,
                new LifecycleStates(new[] { "BUILDING", Completed }, "FAILED", "DELETING", "DELETED"))
        {
        }

        public override string IdName => "backup id";

        public override bool CanList => false;

        public override InputProblem? CheckId(string? id) => HwcInputRules.CheckServiceId(IdField, "an RDS backup id", id);

        public override bool Owns(string? id) => CheckId(id) == null;

        public override async Task<OciResult<ILifecycleResource>> GetAsync(IServiceClients clients, string? region, string id, string? scopeId, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            if (scopeId == null)
            {
                throw new ArgumentException($"RDS backup {id} is read through its instance, and its instance id is not known.", nameof(scopeId));
            }

            var backup = await HwcKinds.Clients(clients).Rds(region).GetBackupAsync(scopeId, id, cancellationToken, call).ConfigureAwait(false);
            return new OciResult<ILifecycleResource>(backup.Value, backup.Response);
        }

        public override ILifecycleResource Gone(string id, string? region, ILifecycleResource? lastSeen) =>
            new HwcRdsBackup { Id = id, Region = region ?? lastSeen?.Region, InstanceId = lastSeen?.CompartmentId, Name = lastSeen?.DisplayName, Status = Lifecycle.Deleted };
    }
}
