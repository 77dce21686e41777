using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;
using Xunit;

namespace OciBackup.Tests.Http
{
    /// <summary>What the client does with a 401: renew once when the provider can, never more, and never for an API key.</summary>
    public class ReauthenticationTests
    {
        [Fact]
        public async Task A_401_is_sent_again_once_with_renewed_credentials_and_reported_to_the_retry_observer()
        {
            var handler = new CapturingHandler(r => r.Header("Authorization")!.Contains("keyId=\"ST$first\"")
                ? CapturingHandler.Json(HttpStatusCode.Unauthorized, "{\"code\":\"NotAuthenticated\",\"message\":\"no\"}")
                : CapturingHandler.Json(HttpStatusCode.OK, "{}"));
            using var key = SigningVectors.LoadKey("rsa2048-pkcs1");
            var provider = new RenewingProvider(key, "first", "second");
            var observer = new Observer();
            using var client = Client(handler, provider);

            await client.SendAsync(new OciRequest(HttpMethod.Post, "/20160918/volumeBackups", new byte[] { 123, 125 }), default, new OciCallOptions { RetryObserver = observer });

            Assert.Equal(2, handler.Requests.Count);
            Assert.Equal(1, provider.Renewals);
            Assert.Contains("401 NotAuthenticated; credentials renewed", observer.Last!.ToString());
        }

        [Fact]
        public async Task A_second_401_after_renewing_fails_the_call_without_renewing_again()
        {
            var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.Unauthorized, "{\"code\":\"NotAuthenticated\",\"message\":\"no\"}"));
            using var key = SigningVectors.LoadKey("rsa2048-pkcs1");
            var provider = new RenewingProvider(key, "first", "second", "third");
            using var client = Client(handler, provider);

            var error = await Assert.ThrowsAsync<OciServiceException>(() => client.SendAsync(new OciRequest(HttpMethod.Get, "/20160918/volumes"), default));

            Assert.Equal(401, error.StatusCode);
            Assert.Equal(2, handler.Requests.Count);
            Assert.Equal(1, provider.Renewals);
        }

        [Fact]
        public async Task An_API_keys_401_is_not_sent_again()
        {
            var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.Unauthorized, "{\"code\":\"NotAuthenticated\",\"message\":\"no\"}"));
            using var provider = SigningVectors.LoadProvider("rsa2048-pkcs1");
            using var client = Client(handler, provider);

            var error = await Assert.ThrowsAsync<OciServiceException>(() => client.SendAsync(new OciRequest(HttpMethod.Get, "/20160918/volumes"), default));

            Assert.Equal(1, error.Attempts);
            Assert.Single(handler.Requests);
        }

        [Fact]
        public async Task Credentials_that_cannot_be_had_stop_the_call_before_anything_is_sent()
        {
            var handler = new CapturingHandler();
            using var key = SigningVectors.LoadKey("rsa2048-pkcs1");
            var provider = new RenewingProvider(key) { Failure = new OciConfigException(OciConfigErrorKind.SessionTokenExpired, "expired", "refresh") };
            using var client = Client(handler, provider);

            var error = await Assert.ThrowsAsync<OciConfigException>(() => client.SendAsync(new OciRequest(HttpMethod.Get, "/20160918/volumes"), default));

            Assert.Equal(OciConfigErrorKind.SessionTokenExpired, error.Kind);
            Assert.Empty(handler.Requests);
        }

        private static OciHttpClient Client(CapturingHandler handler, IAuthenticationProvider provider) =>
            new OciHttpClient(new OciHttpClientOptions(new Uri("https://iaas.us-ashburn-1.oraclecloud.com"), provider)
            {
                Handler = handler,
                Delay = new RecordingDelay(),
            });

        private sealed class Observer : IRetryObserver
        {
            public RetryNotice? Last { get; private set; }

            public void OnRetry(RetryNotice notice) => Last = notice;
        }

        /// <summary>Hands out one token after another, the next one after each rejection.</summary>
        private sealed class RenewingProvider : IAuthenticationProvider
        {
            private readonly RsaSigningKey _key;
            private readonly string[] _tokens;
            private int _index;

            public RenewingProvider(RsaSigningKey key, params string[] tokens)
            {
                _key = key;
                _tokens = tokens;
            }

            public Exception? Failure { get; set; }

            public int Renewals { get; private set; }

            public AuthenticationKind Kind => AuthenticationKind.InstancePrincipal;

            public string? TenancyId => null;

            public string? UserId => null;

            public string Fingerprint => _key.Fingerprint;

            public Task<RequestCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
                Failure != null ? Task.FromException<RequestCredentials>(Failure) : Task.FromResult(new RequestCredentials("ST$" + _tokens[_index], _key));

            public Task<bool> RefreshAfterRejectionAsync(RequestCredentials rejected, CancellationToken cancellationToken)
            {
                Renewals++;
                _index++;
                return Task.FromResult(true);
            }

            public void Dispose()
            {
            }
        }
    }
}
