namespace OciBackup.Engine.Auth
{
    /// <summary>Why a configuration, key, region or credential could not be used. Each kind has its own ErrorId in the cmdlets.</summary>
    public enum OciConfigErrorKind
    {
        ConfigFileNotFound,
        ConfigFileUnreadable,
        ConfigFileInvalid,
        ProfileNotFound,
        MissingSetting,
        InvalidSetting,
        KeyFileNotFound,
        KeyFileUnreadable,
        KeyInvalid,
        PassPhraseRequired,
        PassPhraseIncorrect,
        FingerprintMismatch,
        SessionTokenUnreadable,
        RegionMissing,
        RegionInvalid,
        RegionMetadataInvalid,
        EndpointInvalid,
        SessionTokenExpired,
        ResourcePrincipalTokenExpired,
        DelegationTokenUnreadable,
        AuthTypeInvalid,
        InstanceMetadataUnavailable,
        InstanceCertificateInvalid,
        FederationFailed,
    }
}
