namespace OciBackup.Engine.Huawei.Auth
{
    /// <summary>Where a session's AK/SK came from.</summary>
    internal enum HwcCredentialSource
    {
        /// <summary>-AccessKey and -SecretKey (and -SecurityToken).</summary>
        Parameters,

        /// <summary>The variables of Huawei's SDKs: HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK (and HUAWEICLOUD_SDK_SECURITY_TOKEN).</summary>
        Environment,
    }
}
