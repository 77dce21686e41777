namespace OciBackup.Engine.Huawei.Auth
{
    /// <summary>Why a Huawei Cloud session could not be built. Each kind has its own ErrorId in the cmdlets (<c>OciBackup.Hwc{Kind}</c>).</summary>
    public enum HwcConfigErrorKind
    {
        /// <summary>No AK/SK given and none in HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK.</summary>
        CredentialsMissing,

        /// <summary>An AK without an SK (or the reverse), or a security token without either.</summary>
        CredentialsIncomplete,

        /// <summary>An AK, SK or token that cannot be one (blank, spaces, control characters).</summary>
        CredentialsInvalid,

        ProjectIdMissing,

        ProjectIdInvalid,

        RegionMissing,

        RegionInvalid,

        EndpointInvalid,
    }
}
