using System;
using System.Collections.Generic;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei.Http;
using OciBackup.Engine.Kinds;

namespace OciBackup.Engine.Huawei.Kinds
{
    /// <summary>Huawei Cloud's backup kinds, and how they reach a session's clients.</summary>
    internal static class HwcKinds
    {
        /// <summary>What Wait-HwcBackup waits on: VBS jobs (to SUCCESS), VBS backups (to available), RDS backups (to COMPLETED).</summary>
        public static IReadOnlyList<ResourceKind> Waitable { get; } = new ResourceKind[] { VbsBackupJobKind.Instance, VbsBackupKind.Instance, RdsBackupKind.Instance };

        public static IHwcClients Clients(IServiceClients clients) =>
            clients as IHwcClients ?? throw new ArgumentException("A Huawei Cloud kind is read through a Huawei Cloud session (New-HwcSession).", nameof(clients));
    }
}
