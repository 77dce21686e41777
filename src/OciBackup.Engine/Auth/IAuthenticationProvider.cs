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

        /// <summary>The signing key's fingerprint (not a secret).</summary>
        string Fingerprint { get; }

        Task<RequestCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
    }
}
