namespace OciBackup.Engine.Auth
{
    public enum AuthenticationKind
    {
        /// <summary>An API signing key: keyId <c>tenancy/user/fingerprint</c>.</summary>
        ApiKey,

        /// <summary>A session token from <c>oci session authenticate</c>: keyId <c>ST$token</c>.</summary>
        SessionToken,

        /// <summary>The compute instance's own identity: a token from the federation endpoint, signed with a session key.</summary>
        InstancePrincipal,

        /// <summary>A function's or other resource's identity (resource principal 2.2): keyId <c>ST$rpst</c>.</summary>
        ResourcePrincipal,

        /// <summary>An instance principal acting for a user with a delegation token (<c>opc-obo-token</c>), as in Cloud Shell.</summary>
        DelegationToken,
    }
}
