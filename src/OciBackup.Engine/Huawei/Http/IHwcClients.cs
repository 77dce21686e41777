using OciBackup.Engine.Http;

namespace OciBackup.Engine.Huawei.Http
{
    /// <summary>A Huawei Cloud session's service clients, as Huawei's kinds and operations reach them through a bulk run or a wait.</summary>
    internal interface IHwcClients : IServiceClients
    {
        /// <summary>The Volume Backup Service; <paramref name="region"/> null for the session's (a project lives in one region).</summary>
        /// <exception cref="Auth.HwcConfigException">The session does not serve that region.</exception>
        VbsClient Vbs(string? region);

        /// <summary>RDS; <paramref name="region"/> null for the session's.</summary>
        /// <exception cref="Auth.HwcConfigException">The session does not serve that region.</exception>
        RdsClient Rds(string? region);
    }
}
