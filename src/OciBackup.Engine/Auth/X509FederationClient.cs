using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// Asks the federation endpoint (<c>POST https://auth.{region}.{domain}/v1/x509</c>) for a token bound to a new
    /// session key, proving the instance's identity with its leaf certificate: the request is signed with the leaf key
    /// as Oracle's .NET SDK signs it (keyId <c>tenancy/fed-x509/sha1-fingerprint</c>, the standard header set with
    /// host), through the same client as every API call, so it is traced, redacted and retried alike.
    /// </summary>
    internal sealed class X509FederationClient : IDisposable
    {
        public const string TokenPath = "/v1/x509";
        public const string EndpointVariable = "OCI_CLI_FEDERATION_ENDPOINT";

        private readonly OciHttpClient _http;
        private readonly LeafSigner _leaf = new LeafSigner();
        private readonly string _path;

        /// <param name="endpoint">The federation URL; an address without a path gets <see cref="TokenPath"/>.</param>
        public X509FederationClient(Uri endpoint, AuthHttpSettings settings, SecretRedactor redactor)
        {
            if (endpoint == null)
            {
                throw new ArgumentNullException(nameof(endpoint));
            }

            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            _path = endpoint.AbsolutePath.Length <= 1 ? TokenPath : endpoint.AbsolutePath;
            Endpoint = new Uri(endpoint.GetLeftPart(UriPartial.Authority) + _path);
            _http = new OciHttpClient(new OciHttpClientOptions(new Uri(endpoint.GetLeftPart(UriPartial.Authority)), _leaf)
            {
                Clock = settings.Clock,
                Delay = settings.Delay,
                Random = settings.Random,
                RetryPolicy = settings.RetryPolicy,
                Timeout = settings.Timeout,
                Trace = settings.Trace,
                HostDescription = settings.HostDescription,
                Environment = settings.Environment,
                Handler = settings.CreateHandler?.Invoke(),
                Redactor = redactor,
            });
            RetryObserver = settings.RetryObserver;
        }

        /// <summary>The full federation URL.</summary>
        public Uri Endpoint { get; }

        private IRetryObserver? RetryObserver { get; }

        /// <summary>The regional federation URL: <c>https://auth.{region}.{realm domain}/v1/x509</c>.</summary>
        public static Uri ForRegion(Region region) => new Uri(ServiceEndpoint.ForRegion(region, "auth").AbsoluteUri.TrimEnd('/') + TokenPath);

        /// <summary>A token for <paramref name="sessionPublicKeyInfo"/>; the service's refusals and failed connections as they come, after retries.</summary>
        public async Task<string> RequestTokenAsync(InstanceIdentity identity, byte[] sessionPublicKeyInfo, CancellationToken cancellationToken)
        {
            if (identity == null)
            {
                throw new ArgumentNullException(nameof(identity));
            }

            var request = new OciRequest(HttpMethod.Post, _path, Body(identity, sessionPublicKeyInfo)).AsIdempotent();
            _leaf.Current = new RequestCredentials(identity.FederationKeyId, identity.LeafKey);
            var response = await _http.SendAsync(request, cancellationToken, new OciCallOptions { RetryObserver = RetryObserver }).ConfigureAwait(false);
            string? token = null;
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("token", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    token = value.GetString();
                }
            }
            catch (JsonException)
            {
            }

            if (string.IsNullOrWhiteSpace(token))
            {
                throw new InvalidDataException($"The federation endpoint {Endpoint} answered {(int)response.StatusCode} without a token.");
            }

            return token!.Trim();
        }

        public void Dispose() => _http.Dispose();

        public override string ToString() => "federation endpoint " + Endpoint;

        private static byte[] Body(InstanceIdentity identity, byte[] sessionPublicKeyInfo)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("certificate", Convert.ToBase64String(identity.LeafCertificate));
                writer.WriteString("publicKey", Convert.ToBase64String(sessionPublicKeyInfo));
                writer.WriteStartArray("intermediateCertificates");
                foreach (var intermediate in identity.IntermediateCertificates)
                {
                    writer.WriteStringValue(Convert.ToBase64String(intermediate));
                }

                writer.WriteEndArray();
                writer.WriteString("purpose", "DEFAULT");
                writer.WriteEndObject();
            }

            return stream.ToArray();
        }

        /// <summary>The leaf key and key id of the request being sent (one at a time: renewals are serialised).</summary>
        private sealed class LeafSigner : IAuthenticationProvider
        {
            private RequestCredentials? _current;

            public RequestCredentials? Current
            {
                get => Volatile.Read(ref _current);
                set => Volatile.Write(ref _current, value);
            }

            public AuthenticationKind Kind => AuthenticationKind.InstancePrincipal;

            public string? TenancyId => null;

            public string? UserId => null;

            public string Fingerprint => Current?.Key.Fingerprint ?? string.Empty;

            public Task<RequestCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
                Task.FromResult(Current ?? throw new InvalidOperationException("No leaf certificate to sign the federation request with."));

            // A refused leaf is fetched again by the provider, which must rebuild the body around it.
            public Task<bool> RefreshAfterRejectionAsync(RequestCredentials rejected, CancellationToken cancellationToken) => Task.FromResult(false);

            public void Dispose()
            {
            }

            public override string ToString() => "leaf certificate signer";
        }
    }
}
