using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Auth;

namespace OciBackup.Engine.Http
{
    /// <summary>OCI's sign step: the session's authentication provider for credentials, <see cref="RequestSigner"/> for the signature.</summary>
    internal sealed class OciSigningStep : ISigningStep
    {
        private const string DelegationTokenHeader = "opc-obo-token";

        private readonly IAuthenticationProvider _authentication;
        private readonly RequestSigner _signer;

        public OciSigningStep(IAuthenticationProvider authentication, RequestSigner signer)
        {
            _authentication = authentication ?? throw new ArgumentNullException(nameof(authentication));
            _signer = signer ?? throw new ArgumentNullException(nameof(signer));
        }

        public async Task<SignedAttempt> SignAsync(HttpRequestMessage request, byte[]? body, CancellationToken cancellationToken)
        {
            var credentials = await _authentication.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            if (credentials.DelegationToken != null)
            {
                // Signed with the rest: the signer appends opc-obo-token to the header list when present.
                request.Headers.Remove(DelegationTokenHeader);
                request.Headers.TryAddWithoutValidation(DelegationTokenHeader, credentials.DelegationToken);
            }

            _signer.Sign(request, body, credentials);
            var authorization = request.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : null;
            return new SignedAttempt(credentials, () => SecretsOf(authorization, credentials));
        }

        public Task<bool> RenewAfterRejectionAsync(SignedAttempt rejected, CancellationToken cancellationToken) =>
            _authentication.RefreshAfterRejectionAsync((RequestCredentials)rejected.Credentials, cancellationToken);

        /// <summary>The Authorization value, the signature alone, the session token and the delegation token.</summary>
        private static IEnumerable<string?> SecretsOf(string? authorization, RequestCredentials credentials)
        {
            string? signature = null;
            const string marker = "signature=\"";
            var start = authorization?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
            if (authorization != null && start >= 0)
            {
                signature = authorization.Substring(start + marker.Length).TrimEnd('"');
            }

            return new[] { authorization, signature, credentials.SecurityToken, credentials.DelegationToken };
        }
    }
}
