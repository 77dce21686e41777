using System;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// Supplies the key id and signing key for each request. Asynchronous so that providers whose
    /// credentials expire (instance and resource principals fetch and refresh a token) fit the same
    /// seam as API keys and session tokens, which answer at once.
    /// </summary>
    internal interface IAuthenticationProvider : IDisposable
    {
        AuthenticationKind Kind { get; }

        /// <summary>The tenancy OCID, when the provider knows it.</summary>
        string? TenancyId { get; }

        /// <summary>The user OCID for API keys; null for other kinds.</summary>
        string? UserId { get; }

        /// <summary>The signing key's fingerprint (not a secret); for instance principals, the current session key's.</summary>
        string Fingerprint { get; }

        /// <summary>
        /// The credentials to sign the next request with. Providers whose tokens expire renew them here before
        /// they do; a token that has expired and cannot be renewed is an <see cref="OciConfigException"/>, so the
        /// request is never sent.
        /// </summary>
        Task<RequestCredentials> GetCredentialsAsync(CancellationToken cancellationToken);

        /// <summary>
        /// The service answered 401 to a request signed with <paramref name="rejected"/>. Returns true when new
        /// credentials are now available (renewed here, or already by another request), so that the request is worth
        /// sending once more; false when nothing would change (an API key).
        /// </summary>
        Task<bool> RefreshAfterRejectionAsync(RequestCredentials rejected, CancellationToken cancellationToken);
    }
}
