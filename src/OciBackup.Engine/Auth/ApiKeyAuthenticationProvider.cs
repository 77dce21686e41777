using System;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup.Engine.Auth
{
    /// <summary>An API signing key: requests carry keyId <c>tenancy/user/fingerprint</c>.</summary>
    internal sealed class ApiKeyAuthenticationProvider : IAuthenticationProvider
    {
        private readonly Task<RequestCredentials> _credentials;
        private readonly RsaSigningKey _key;

        /// <param name="fingerprint">The fingerprint the configuration names; it must match the key's own.</param>
        public ApiKeyAuthenticationProvider(string tenancyId, string userId, string fingerprint, RsaSigningKey key)
        {
            TenancyId = tenancyId ?? throw new ArgumentNullException(nameof(tenancyId));
            UserId = userId ?? throw new ArgumentNullException(nameof(userId));
            _key = key ?? throw new ArgumentNullException(nameof(key));
            if (!string.Equals(fingerprint?.Trim(), key.Fingerprint, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"The fingerprint '{fingerprint}' does not match the key's fingerprint '{key.Fingerprint}'.", nameof(fingerprint));
            }

            _credentials = Task.FromResult(new RequestCredentials($"{tenancyId}/{userId}/{key.Fingerprint}", key));
        }

        public AuthenticationKind Kind => AuthenticationKind.ApiKey;

        public string? TenancyId { get; }

        public string? UserId { get; }

        public string Fingerprint => _key.Fingerprint;

        public Task<RequestCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => _credentials;

        public Task<bool> RefreshAfterRejectionAsync(RequestCredentials rejected, CancellationToken cancellationToken) => Task.FromResult(false);

        public void Dispose() => _key.Dispose();

        public override string ToString() => $"API key {Fingerprint} of {UserId}";
    }
}
