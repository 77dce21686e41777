using System.Collections.Generic;

namespace OciBackup.Completion
{
    /// <summary>Completes a kind of authentication (-AuthType of New-OciSession).</summary>
    public sealed class AuthTypeCompleter : FixedValueCompleter
    {
        protected override IEnumerable<KeyValuePair<string, string>> ValuesWithToolTips { get; } = new[]
        {
            new KeyValuePair<string, string>("ApiKey", "An API signing key from the config profile (user, fingerprint, key_file), even when it has a session token."),
            new KeyValuePair<string, string>("SessionToken", "The profile's session token from 'oci session authenticate', read again after 'oci session refresh'."),
            new KeyValuePair<string, string>("InstancePrincipal", "This OCI compute instance's own identity, from its metadata service."),
            new KeyValuePair<string, string>("ResourcePrincipal", "The identity of the OCI Function (or other resource) this runs in, from OCI_RESOURCE_PRINCIPAL_* variables."),
            new KeyValuePair<string, string>("DelegationToken", "Cloud Shell: the instance's identity acting for you, with your delegation token (opc-obo-token)."),
        };
    }
}
