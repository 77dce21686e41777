using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// The sign step of a session's HTTP client: fetches the credentials for one attempt (renewing those that expire)
    /// and signs the attempt with its cloud's scheme. OCI's (<see cref="OciSigningStep"/>) and Huawei's implement it;
    /// the client around it (retries, pacing, traces, errors) is the same for both.
    /// </summary>
    internal interface ISigningStep
    {
        /// <summary>Signs one attempt afresh (a new date, current credentials); <paramref name="body"/> is the exact bytes to send.</summary>
        Task<SignedAttempt> SignAsync(HttpRequestMessage request, byte[]? body, CancellationToken cancellationToken);

        /// <summary>
        /// The service answered 401 to <paramref name="rejected"/>: true when new credentials are now available, so
        /// the request is worth sending once more; false when nothing would change (a key that nothing renews).
        /// </summary>
        Task<bool> RenewAfterRejectionAsync(SignedAttempt rejected, CancellationToken cancellationToken);
    }
}
