using System;
using OciBackup.Engine.Huawei.Models;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Huawei.Kinds
{
    /// <summary>Huawei Cloud EVS disks: what a VBS backup is of. Only named and checked here; the module neither lists nor waits on them.</summary>
    internal sealed class EvsVolumeKind : ResourceKind
    {
        public static readonly EvsVolumeKind Instance = new EvsVolumeKind();

        private EvsVolumeKind()
            : base("EVS disk", "EVS disk", "hwc-evs-volume", "volumeId", "HwcVolume", "/v2/{project_id}/cloudvolumes", listsNewestFirst: false,
                new LifecycleStates(new[] { "creating", "available" }, "error", "deleting", "deleted", "in-use"))
        {
        }

        public override string IdName => "volume id";

        public override bool CanList => false;

        public override InputProblem? CheckId(string? id) => HwcInputRules.CheckUuid(IdField, "an EVS disk id", id);

        public override bool Owns(string? id) => CheckId(id) == null;

        public override ILifecycleResource Gone(string id, string? region, ILifecycleResource? lastSeen) =>
            throw new NotSupportedException("EVS disks are not waited on.");
    }
}
