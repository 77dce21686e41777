using System;
using OciBackup.Engine.Huawei.Models;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Huawei.Kinds
{
    /// <summary>RDS DB instances: what an RDS backup is of. Only named and checked here.</summary>
    internal sealed class RdsInstanceKind : ResourceKind
    {
        public static readonly RdsInstanceKind Instance = new RdsInstanceKind();

        private RdsInstanceKind()
            : base("RDS instance", "RDS instance", "hwc-rds-instance", "instanceId", "HwcRdsInstance", "/v3/{project_id}/instances", listsNewestFirst: false,
                new LifecycleStates(new[] { "BUILD", "ACTIVE" }, "FAILED", "DELETING", "DELETED"))
        {
        }

        public override string IdName => "instance id";

        public override bool CanList => false;

        public override InputProblem? CheckId(string? id) => HwcInputRules.CheckServiceId(IdField, "an RDS instance id", id);

        public override bool Owns(string? id) => CheckId(id) == null;

        public override ILifecycleResource Gone(string id, string? region, ILifecycleResource? lastSeen) =>
            throw new NotSupportedException("RDS instances are not waited on.");
    }
}
