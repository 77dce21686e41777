using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// The compute instance's metadata service (IMDS v2, as every Oracle SDK reads it): plain GETs under
    /// <c>http://169.254.169.254/opc/v2/</c> with <c>Authorization: Bearer Oracle</c>, retried like every other call
    /// (failures that are not an answer, and 5xx), never through a proxy: the address is link-local.
    /// </summary>
    internal sealed class InstanceMetadataClient : IDisposable
    {
        public const string DefaultBaseUrl = "http://169.254.169.254/opc/v2/";
        public const string BaseUrlVariable = "OCI_METADATA_BASE_URL";

        /// <summary>Few and short: off an OCI instance nothing answers, and the user should hear so soon.</summary>
        public static readonly RetryPolicy DefaultRetryPolicy = RetryPolicy.Default.WithLimits(3, TimeSpan.FromSeconds(30));

        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

        private readonly HttpClient _http;
        private readonly AuthHttpSettings _settings;
        private readonly RetryPolicy _retryPolicy;
        private readonly TimeSpan _timeout;

        public InstanceMetadataClient(Uri baseUrl, AuthHttpSettings settings)
        {
            if (baseUrl == null)
            {
                throw new ArgumentNullException(nameof(baseUrl));
            }

            BaseUrl = baseUrl.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            _retryPolicy = settings.MetadataRetryPolicy ?? DefaultRetryPolicy;
            _timeout = settings.MetadataTimeout ?? DefaultTimeout;
            var handler = settings.CreateHandler?.Invoke() ?? new HttpClientHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false };
            _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        }

        public Uri BaseUrl { get; }

        /// <summary>The base URL <c>OCI_METADATA_BASE_URL</c> names (Oracle's Go and Python SDKs read it), else the link-local default.</summary>
        public static Uri BaseUrlFrom(IProcessEnvironment environment)
        {
            var configured = environment.GetVariable(BaseUrlVariable)?.Trim();
            if (string.IsNullOrEmpty(configured))
            {
                return new Uri(DefaultBaseUrl);
            }

            if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Query.Length > 0)
            {
                throw new OciConfigException(
                    OciConfigErrorKind.InvalidSetting,
                    $"{BaseUrlVariable} is '{configured}', which is not an http:// address of the instance metadata service.",
                    $"Set {BaseUrlVariable} to the metadata service's base address (such as {DefaultBaseUrl.TrimEnd('/')}), or remove it.",
                    setting: BaseUrlVariable);
            }

            return uri;
        }

        /// <summary>The instance's region as the service names it (a short code such as <c>iad</c>, or an id).</summary>
        public async Task<string> GetRegionAsync(CancellationToken cancellationToken) =>
            (await GetTextAsync("instance/region", cancellationToken).ConfigureAwait(false)).Trim().ToLowerInvariant();

        /// <summary>The leaf certificate, its private key and the intermediate certificate, fetched afresh (they rotate).</summary>
        public async Task<InstanceIdentity> GetIdentityAsync(CancellationToken cancellationToken)
        {
            var certificate = await GetTextAsync("identity/cert.pem", cancellationToken).ConfigureAwait(false);
            var key = await GetTextAsync("identity/key.pem", cancellationToken).ConfigureAwait(false);
            var intermediate = await GetTextAsync("identity/intermediate.pem", cancellationToken).ConfigureAwait(false);
            return InstanceIdentity.Parse(certificate, key, new[] { intermediate }, new Uri(BaseUrl, "identity/cert.pem").AbsoluteUri);
        }

        /// <summary>One resource under the base URL, retried as the policy allows; an <see cref="OciConfigException"/> when it cannot be had.</summary>
        public async Task<string> GetTextAsync(string path, CancellationToken cancellationToken)
        {
            var url = new Uri(BaseUrl, path);
            var request = new OciRequest(HttpMethod.Get, url.AbsolutePath);
            var started = _settings.Clock.UtcNow;
            for (var attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                TimeSpan delay;
                try
                {
                    return await GetOnceAsync(url, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception error) when (error is OciServiceException || error is OciTransportException)
                {
                    var next = _retryPolicy.NextDelay(error, request, attempt, _settings.Clock.UtcNow - started, _settings.Random);
                    if (next == null)
                    {
                        throw Unavailable(url, error, attempt);
                    }

                    delay = next.Value;
                    _settings.RetryObserver?.OnRetry(new RetryNotice("GET", url.AbsoluteUri, attempt, _retryPolicy.MaxAttempts, Reason(error), delay, false));
                }

                await _settings.Delay.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
            }
        }

        public void Dispose() => _http.Dispose();

        public override string ToString() => "instance metadata service " + BaseUrl.AbsoluteUri;

        private async Task<string> GetOnceAsync(Uri url, CancellationToken cancellationToken)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, url);
            message.Headers.TryAddWithoutValidation("Authorization", "Bearer Oracle");
            message.Headers.TryAddWithoutValidation("Accept", "text/plain");
            if (_settings.UserAgent != null)
            {
                message.Headers.TryAddWithoutValidation("User-Agent", _settings.UserAgent);
            }

            Trace(HttpTraceEventKind.RequestSent, url, null, TimeSpan.Zero, null);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(_timeout);
            var stopwatch = Stopwatch.StartNew();
            try
            {
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, attempt.Token).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                Trace(HttpTraceEventKind.ResponseReceived, url, (int)response.StatusCode, stopwatch.Elapsed, null);
                if (!response.IsSuccessStatusCode)
                {
                    // The body is not shown: identity/key.pem must never be, and an error page says nothing the status does not.
                    throw new OciServiceException((int)response.StatusCode, null, response.ReasonPhrase ?? "no reason given", null, "GET", url.AbsolutePath);
                }

                return body;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var text = $"GET {url.AbsoluteUri} got no response within {_timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.";
                Trace(HttpTraceEventKind.RequestFailed, url, null, stopwatch.Elapsed, text);
                throw new OciTransportException(OciTransportErrorKind.Timeout, text);
            }
            catch (Exception ex) when ((ex is HttpRequestException || ex is System.IO.IOException || ex is WebException) && !cancellationToken.IsCancellationRequested)
            {
                var text = $"GET {url.AbsoluteUri} failed before a response arrived: {ex.GetBaseException().Message}";
                Trace(HttpTraceEventKind.RequestFailed, url, null, stopwatch.Elapsed, text);
                throw new OciTransportException(OciTransportErrorKind.ConnectionFailed, text);
            }
        }

        private void Trace(HttpTraceEventKind kind, Uri url, int? status, TimeSpan elapsed, string? detail) =>
            _settings.Trace?.OnHttpEvent(new HttpTraceEvent(kind, "GET", url.AbsoluteUri, status, elapsed,
                kind == HttpTraceEventKind.RequestSent
                    ? new[] { new KeyValuePair<string, string>("Authorization", SecretRedactor.Mask) }
                    : Array.Empty<KeyValuePair<string, string>>(),
                detail));

        private static string Reason(Exception error) => error is OciServiceException service
            ? "HTTP " + service.StatusCode.ToString(CultureInfo.InvariantCulture)
            : error is OciTransportException transport && transport.Kind == OciTransportErrorKind.Timeout ? "timeout" : "connection failed";

        private OciConfigException Unavailable(Uri url, Exception error, int attempts)
        {
            var what = error is OciServiceException service
                ? $"answered HTTP {service.StatusCode}"
                : error is OciTransportException transport && transport.Kind == OciTransportErrorKind.Timeout ? "did not answer in time" : "could not be reached";
            return new OciConfigException(
                OciConfigErrorKind.InstanceMetadataUnavailable,
                $"The instance metadata service {what} for {url.AbsoluteUri} (after {attempts} attempt{(attempts == 1 ? string.Empty : "s")}). Instance principals work only on an OCI compute instance (or where {BaseUrlVariable} names a metadata service).",
                "Run this on an OCI compute instance whose dynamic group policies allow the calls, or sign in another way (-AuthType, a config profile, or an API key).",
                setting: BaseUrlVariable,
                innerException: error);
        }
    }
}
