namespace OciBackup.Engine.Auth
{
    public enum AuthenticationKind
    {
        /// <summary>An API signing key: keyId <c>tenancy/user/fingerprint</c>.</summary>
        ApiKey,

        /// <summary>A session token from <c>oci session authenticate</c>: keyId <c>ST$token</c>.</summary>
        SessionToken,

        /// <summary>Reserved: the compute instance's own identity (not yet supported).</summary>
        InstancePrincipal,

        /// <summary>Reserved: a function's or other resource's identity (not yet supported).</summary>
        ResourcePrincipal,
    }
}
