using System;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup.Engine.Auth
{
    /// <summary>A session token (<c>oci session authenticate</c>): requests carry keyId <c>ST$&lt;token&gt;</c>.</summary>
    internal sealed class SessionTokenAuthenticationProvider : IAuthenticationProvider
    {
        private readonly Task<RequestCredentials> _credentials;
        private readonly RsaSigningKey _key;

        /// <param name="token">The token as read from the token file; surrounding whitespace is removed (the .NET SDK fails on a trailing newline).</param>
        public SessionTokenAuthenticationProvider(string token, RsaSigningKey key, string? tenancyId)
        {
            if (token == null)
            {
                throw new ArgumentNullException(nameof(token));
            }

            _key = key ?? throw new ArgumentNullException(nameof(key));
            var trimmed = token.Trim();
            if (trimmed.Length == 0)
            {
                throw new ArgumentException("The session token is empty.", nameof(token));
            }

            TenancyId = tenancyId;
            _credentials = Task.FromResult(new RequestCredentials("ST$" + trimmed, key));
        }

        public AuthenticationKind Kind => AuthenticationKind.SessionToken;

        public string? TenancyId { get; }

        public string? UserId => null;

        public string Fingerprint => _key.Fingerprint;

        public Task<RequestCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => _credentials;

        public void Dispose() => _key.Dispose();

        public override string ToString() => $"session token signed with key {Fingerprint}";
    }
}
