using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei.Models;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Huawei.Kinds
{
    /// <summary>EVS disk backups of the Volume Backup Service (<c>GET /v2/{project_id}/backups/{id}</c>): creating, then available or error.</summary>
    internal sealed class VbsBackupKind : ResourceKind
    {
        public const string Available = "available";

        public static readonly VbsBackupKind Instance = new VbsBackupKind();

        private VbsBackupKind()
            : base("VbsBackup", "volume backup", "hwc-vbs-backup", "backupId", "HwcVolumeBackup", "/v2/{project_id}/backups/detail", listsNewestFirst: false,
                new LifecycleStates(new[] { "creating", Available }, "error", "deleting", "deleted", "restoring", "error_restoring"))
        {
        }

        public override string IdName => "backup id";

        public override bool CanList => false;

        public override InputProblem? CheckId(string? id) => HwcInputRules.CheckUuid(IdField, "a VBS backup id", id);

        public override bool Owns(string? id) => CheckId(id) == null;

        public override async Task<OciResult<ILifecycleResource>> GetAsync(IServiceClients clients, string? region, string id, string? scopeId, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            var backup = await HwcKinds.Clients(clients).Vbs(region).GetBackupAsync(id, cancellationToken, call).ConfigureAwait(false);
            return new OciResult<ILifecycleResource>(backup.Value, backup.Response);
        }

        public override string? FailureReason(ILifecycleResource failed) => (failed as HwcVolumeBackup)?.FailReason;

        public override ILifecycleResource Gone(string id, string? region, ILifecycleResource? lastSeen) =>
            new HwcVolumeBackup { Id = id, Region = region ?? lastSeen?.Region, Name = lastSeen?.DisplayName, Status = Lifecycle.Deleted };
    }
}
