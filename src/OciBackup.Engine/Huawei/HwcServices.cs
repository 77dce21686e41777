using System.Collections.Generic;

namespace OciBackup.Engine.Huawei
{
    /// <summary>The Huawei Cloud services this module calls, by the name that starts their endpoints (<c>vbs</c>.cn-north-4.myhuaweicloud.com).</summary>
    internal static class HwcServices
    {
        /// <summary>Volume Backup Service: EVS disk backups and their jobs.</summary>
        public const string Vbs = "vbs";

        /// <summary>Relational Database Service: manual backups of DB instances.</summary>
        public const string Rds = "rds";

        public static IReadOnlyList<string> All { get; } = new[] { Vbs, Rds };
    }
}
