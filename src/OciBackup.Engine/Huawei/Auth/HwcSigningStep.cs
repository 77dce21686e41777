using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;

namespace OciBackup.Engine.Huawei.Auth
{
    /// <summary>Huawei Cloud's sign step: the session's AK/SK (and token) signed with SDK-HMAC-SHA256 on every attempt.</summary>
    internal sealed class HwcSigningStep : ISigningStep
    {
        private readonly HwcCredentials _credentials;
        private readonly HwcRequestSigner _signer;

        public HwcSigningStep(HwcCredentials credentials, HwcRequestSigner signer)
        {
            _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
            _signer = signer ?? throw new ArgumentNullException(nameof(signer));
        }

        public Task<SignedAttempt> SignAsync(HttpRequestMessage request, byte[]? body, CancellationToken cancellationToken)
        {
            _signer.Sign(request, body, _credentials);
            var authorization = request.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : null;
            var credentials = _credentials;
            return Task.FromResult(new SignedAttempt(credentials, () => new[] { authorization, SignatureOf(authorization), credentials.SecurityToken, credentials.SecretKey, credentials.AccessKey }));
        }

        /// <summary>An AK/SK pair is not renewed: a 401 is final (the token of temporary credentials is the caller's to renew).</summary>
        public Task<bool> RenewAfterRejectionAsync(SignedAttempt rejected, CancellationToken cancellationToken) => Task.FromResult(false);

        private static string? SignatureOf(string? authorization)
        {
            const string marker = "Signature=";
            var start = authorization?.LastIndexOf(marker, StringComparison.Ordinal) ?? -1;
            return start < 0 ? null : authorization!.Substring(start + marker.Length);
        }
    }
}
