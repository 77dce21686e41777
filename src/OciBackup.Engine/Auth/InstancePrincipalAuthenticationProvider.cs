using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// The compute instance's own identity. Each token is obtained the way Oracle's SDKs obtain it: the leaf
    /// certificate, its key and the intermediate certificate from the metadata service (fetched again every time,
    /// so a rotated certificate is picked up), a fresh session key pair, and the federation call signed with the leaf
    /// key. Requests then carry keyId <c>ST$&lt;token&gt;</c> and are signed with the session key. The token is renewed
    /// before it expires and once when the service answers 401, by one request however many are in flight.
    /// </summary>
    internal sealed class InstancePrincipalAuthenticationProvider : IAuthenticationProvider
    {
        private readonly InstanceMetadataClient _metadata;
        private readonly X509FederationClient _federation;
        private readonly AuthHttpSettings _settings;
        private readonly CredentialRenewal _renewal;
        private readonly ConcurrentBag<IDisposable> _retired = new ConcurrentBag<IDisposable>();
        private int _federationCalls;
        private InstanceIdentity? _firstIdentity;

        private InstancePrincipalAuthenticationProvider(InstanceMetadataClient metadata, X509FederationClient federation, AuthHttpSettings settings, string tenancyId, string instanceRegion)
        {
            _metadata = metadata;
            _federation = federation;
            _settings = settings;
            TenancyId = tenancyId;
            InstanceRegion = instanceRegion;
            _renewal = new CredentialRenewal(IssueAsync, settings.Clock);
        }

        public AuthenticationKind Kind => AuthenticationKind.InstancePrincipal;

        public string? TenancyId { get; }

        public string? UserId => null;

        public string Fingerprint => _renewal.Current?.Credentials.Key.Fingerprint ?? string.Empty;

        /// <summary>The region the metadata service named (a short code or an id, as it said it).</summary>
        public string InstanceRegion { get; }

        public Uri FederationEndpoint => _federation.Endpoint;

        /// <summary>Tokens obtained so far.</summary>
        public int Renewals => _renewal.Renewals;

        /// <summary>Federation requests made (a renewal that met a rotated certificate makes two).</summary>
        public int FederationCalls => Volatile.Read(ref _federationCalls);

        /// <summary>
        /// Reads the instance's region and identity, then obtains the first token, so that a session that cannot work
        /// fails here, before any request.
        /// </summary>
        /// <param name="federationEndpoint">An explicit federation URL; null for the instance region's.</param>
        /// <param name="regionOf">Resolves the region the metadata service names (a short code such as <c>iad</c>).</param>
        public static async Task<InstancePrincipalAuthenticationProvider> CreateAsync(Uri metadataBaseUrl, Uri? federationEndpoint, Func<string, Region> regionOf,
            AuthHttpSettings settings, SecretRedactor redactor, CancellationToken cancellationToken)
        {
            var metadata = new InstanceMetadataClient(metadataBaseUrl, settings);
            X509FederationClient? federation = null;
            try
            {
                var regionText = await metadata.GetRegionAsync(cancellationToken).ConfigureAwait(false);
                var endpoint = federationEndpoint ?? X509FederationClient.ForRegion(regionOf(regionText));
                var identity = await metadata.GetIdentityAsync(cancellationToken).ConfigureAwait(false);
                federation = new X509FederationClient(endpoint, settings, redactor);
                var provider = new InstancePrincipalAuthenticationProvider(metadata, federation, settings, identity.TenancyId, regionText)
                {
                    // The first token uses what was just read; every later one reads the metadata service again.
                    _firstIdentity = identity,
                };
                try
                {
                    await provider.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
                    return provider;
                }
                catch
                {
                    provider.Dispose();
                    throw;
                }
            }
            catch
            {
                federation?.Dispose();
                metadata.Dispose();
                throw;
            }
        }

        public Task<RequestCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => _renewal.GetAsync(cancellationToken);

        public Task<bool> RefreshAfterRejectionAsync(RequestCredentials rejected, CancellationToken cancellationToken) =>
            _renewal.RenewAfterRejectionAsync(rejected, cancellationToken);

        public void Dispose()
        {
            _renewal.Dispose();
            _federation.Dispose();
            _metadata.Dispose();
            _renewal.Current?.Credentials.Key.Dispose();
            Interlocked.Exchange(ref _firstIdentity, null)?.Dispose();
            while (_retired.TryTake(out var retired))
            {
                retired.Dispose();
            }
        }

        public override string ToString() => $"instance principal of {TenancyId} (federation {_federation.Endpoint.GetLeftPart(UriPartial.Authority)})";

        private async Task<IssuedCredentials> IssueAsync(CancellationToken cancellationToken)
        {
            var previous = _renewal.Current;
            for (var attempt = 1; ; attempt++)
            {
                var identity = Interlocked.Exchange(ref _firstIdentity, null) ?? await _metadata.GetIdentityAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (!string.Equals(identity.TenancyId, TenancyId, StringComparison.Ordinal))
                    {
                        throw new OciConfigException(
                            OciConfigErrorKind.InstanceCertificateInvalid,
                            $"The instance's certificate now names tenancy {identity.TenancyId}, not {TenancyId} as when the session began.",
                            "Start a new session (New-OciSession -AuthType InstancePrincipal).",
                            setting: InstanceMetadataClient.BaseUrlVariable);
                    }

                    var sessionKey = _settings.SessionKeys();
                    string token;
                    try
                    {
                        Interlocked.Increment(ref _federationCalls);
                        token = await _federation.RequestTokenAsync(identity, sessionKey.PublicKeyInfo, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OciServiceException refused) when (refused.StatusCode == 401 && attempt == 1)
                    {
                        // The leaf certificate may have rotated between the metadata read and the call: read it again, once.
                        sessionKey.SigningKey.Dispose();
                        continue;
                    }
                    catch (Exception ex) when (ex is OciServiceException || ex is OciTransportException || ex is System.IO.InvalidDataException)
                    {
                        sessionKey.SigningKey.Dispose();
                        throw new OciConfigException(
                            OciConfigErrorKind.FederationFailed,
                            $"Getting an instance principal token from {_federation.Endpoint} failed: {ex.Message}",
                            "Check that this instance is in a dynamic group whose policies allow the calls, that the federation endpoint is reachable (HTTPS_PROXY/NO_PROXY), and try again.",
                            setting: X509FederationClient.EndpointVariable,
                            innerException: ex);
                    }

                    if (previous != null)
                    {
                        // Requests signed with the old key may still be in flight: dispose of it with the provider.
                        _retired.Add(previous.Credentials.Key);
                    }

                    var claims = SecurityTokenClaims.Read(token);
                    return new IssuedCredentials(new RequestCredentials("ST$" + token, sessionKey.SigningKey), _settings.Clock.UtcNow, claims.ExpiresAt);
                }
                finally
                {
                    identity.Dispose();
                }
            }
        }
    }
}
