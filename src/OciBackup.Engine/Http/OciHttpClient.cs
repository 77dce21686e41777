using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Auth;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// Sends signed requests to one endpoint over one <see cref="HttpClient"/> (connections are
    /// reused for the life of the session), retrying what the <see cref="RetryPolicy"/> allows.
    /// Non-2xx answers become <see cref="OciServiceException"/>, missing answers
    /// <see cref="OciTransportException"/>. Thread-safe.
    /// </summary>
    /// <remarks>
    /// The core both clouds share, despite its name: how an attempt is signed (<see cref="ISigningStep"/>) and how an
    /// error body is read (<see cref="IServiceErrorReader"/>) are steps composed once per session; OCI's are the default.
    /// </remarks>
    internal sealed class OciHttpClient : IDisposable
    {
        private readonly HttpClient _http;
        private readonly string _baseUrl;
        private readonly ISigningStep _signing;
        private readonly IServiceErrorReader _errors;
        private readonly TimeSpan _timeout;
        private readonly string _userAgent;
        private readonly IHttpTraceListener? _trace;
        private readonly SecretRedactor _redactor;
        private readonly IClock _clock;
        private readonly IDelay _delay;
        private readonly IRandomSource _random;
        private readonly bool _ownsConnections;

        public OciHttpClient(OciHttpClientOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (options.Timeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "The timeout must be positive.");
            }

            Endpoint = options.Endpoint;
            _baseUrl = options.Endpoint.GetLeftPart(UriPartial.Authority);
            _signing = options.Signing ?? new OciSigningStep(
                options.Authentication ?? throw new ArgumentNullException(nameof(options), "Either OCI's authentication or a signing step is required."),
                new RequestSigner(options.Clock));
            _errors = options.ErrorReader ?? throw new ArgumentNullException(nameof(options), "The error reader is required.");
            _timeout = options.Timeout;
            _userAgent = UserAgent.Build(options.HostDescription);
            _trace = options.Trace;
            _redactor = options.Redactor;
            _clock = options.Clock;
            _delay = options.Delay ?? throw new ArgumentNullException(nameof(options), "The delay is required.");
            _random = options.Random ?? throw new ArgumentNullException(nameof(options), "The random source is required.");
            RetryPolicy = options.RetryPolicy ?? throw new ArgumentNullException(nameof(options), "The retry policy is required (RetryPolicy.None for no retry).");
            var handler = options.Handler ?? CreateHandler(options);
            _http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            _ownsConnections = true;
        }

        private OciHttpClient(OciHttpClient connections, Uri endpoint)
        {
            Endpoint = endpoint;
            _baseUrl = endpoint.GetLeftPart(UriPartial.Authority);
            _http = connections._http;
            _signing = connections._signing;
            _errors = connections._errors;
            _timeout = connections._timeout;
            _userAgent = connections._userAgent;
            _trace = connections._trace;
            _redactor = connections._redactor;
            _clock = connections._clock;
            _delay = connections._delay;
            _random = connections._random;
            RetryPolicy = connections.RetryPolicy;
        }

        public Uri Endpoint { get; }

        public TimeSpan Timeout => _timeout;

        public string UserAgentValue => _userAgent;

        /// <summary>The policy of calls that do not bring their own.</summary>
        public RetryPolicy RetryPolicy { get; }

        /// <summary>
        /// Sends the request, and sends it again while the effective retry policy allows: each attempt
        /// signed afresh (a new date), with the same body and the same opc-retry-token. The observer
        /// hears of each retry before its delay. When the retries end, the last failure is thrown, its
        /// <c>Attempts</c> telling how many were made. Cancellation ends the call at once, delays included.
        /// </summary>
        /// <param name="call">This call's trace listener and retry settings; null for the client's defaults.</param>
        public async Task<OciResponse> SendAsync(OciRequest request, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var policy = call?.RetryPolicy ?? RetryPolicy;
            var started = _clock.UtcNow;
            var renewedAfterRejection = false;
            for (var attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // The turn comes before the signature, so a request held back by the pacer is signed with the time it goes.
                var pacer = call?.Pacer;
                var turn = pacer == null ? default : await pacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
                using var message = NewMessage(request);
                var signed = await _signing.SignAsync(message, request.Body, cancellationToken).ConfigureAwait(false);
                OciServiceException? rejected = null;
                TimeSpan delay;
                try
                {
                    var response = await SendOnceAsync(request, message, signed, cancellationToken, call).ConfigureAwait(false);
                    pacer?.OnAnswered(turn, throttled: false);
                    return response;
                }
                catch (OciServiceException error) when (error.StatusCode == 401 && !renewedAfterRejection)
                {
                    pacer?.OnAnswered(turn, throttled: false);
                    rejected = error;
                    delay = TimeSpan.Zero;
                }
                catch (Exception error) when (error is OciServiceException || error is OciTransportException)
                {
                    if (error is OciServiceException answered)
                    {
                        pacer?.OnAnswered(turn, throttled: answered.StatusCode == 429);
                    }

                    RecordAttempts(error, attempt);
                    var next = policy.NextDelay(error, request, attempt, _clock.UtcNow - started, _random);
                    if (next == null)
                    {
                        throw;
                    }

                    delay = next.Value;
                    var throttled = error is OciServiceException service && service.StatusCode == 429;
                    call?.RetryObserver?.OnRetry(new RetryNotice(request.Method.Method, request.PathAndQuery, attempt, policy.MaxAttempts, ReasonOf(error), delay, throttled));
                }

                if (rejected != null)
                {
                    // A token may expire (or be revoked) before its time by our clock: renew once and send again at
                    // once. This is not a retry: nothing was done, and an API key, which nothing renews, fails here.
                    renewedAfterRejection = true;
                    if (!await _signing.RenewAfterRejectionAsync(signed, cancellationToken).ConfigureAwait(false))
                    {
                        RecordAttempts(rejected, attempt);
                        throw rejected;
                    }

                    call?.RetryObserver?.OnRetry(new RetryNotice(request.Method.Method, request.PathAndQuery, attempt, policy.MaxAttempts,
                        "401 NotAuthenticated; credentials renewed", TimeSpan.Zero, throttled: false));
                    attempt--;
                    continue;
                }

                await _delay.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
            }
        }

        private static void RecordAttempts(Exception error, int attempts)
        {
            if (error is OciServiceException service)
            {
                service.Attempts = attempts;
            }
            else if (error is OciTransportException transport)
            {
                transport.Attempts = attempts;
            }
        }

        private string ReasonOf(Exception error)
        {
            switch (error)
            {
                case OciServiceException service when service.Code == null:
                    return "HTTP " + service.StatusCode.ToString(CultureInfo.InvariantCulture);
                case OciServiceException service:
                    return service.StatusCode.ToString(CultureInfo.InvariantCulture) + " " + service.Code;
                case OciTransportException transport when transport.Kind == OciTransportErrorKind.Timeout:
                    return $"timeout after {_timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
                default:
                    return "connection failed";
            }
        }

        /// <summary>One attempt's message before it is signed: the call's headers, Accept and User-Agent.</summary>
        private HttpRequestMessage NewMessage(OciRequest request)
        {
            var message = new HttpRequestMessage(request.Method, new Uri(_baseUrl + request.PathAndQuery));
            message.Headers.TryAddWithoutValidation("Accept", "application/json");
            message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
            foreach (var header in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            return message;
        }

        /// <summary>One signed attempt: send, map the answer or its absence to a result or an exception.</summary>
        private async Task<OciResponse> SendOnceAsync(OciRequest request, HttpRequestMessage message, SignedAttempt signed, CancellationToken cancellationToken, OciCallOptions? call)
        {
            var listener = call?.Trace ?? _trace;
            var uri = message.RequestUri!;
            var method = request.Method.Method;
            var pathAndQuery = uri.PathAndQuery;
            SecretRedactor? perRequest = null;
            // Built only when something is traced or fails: the signature and token join the session's secrets.
            SecretRedactor Redactor() => perRequest ??= _redactor.With(new List<string?>(signed.Secrets()).ToArray());
            if (listener != null)
            {
                Trace(listener, HttpTraceEventKind.RequestSent, method, uri, null, TimeSpan.Zero, RequestHeaders(message, Redactor()), null, Redactor());
            }

            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(_timeout);
            var stopwatch = Stopwatch.StartNew();
            HttpResponseMessage response;
            byte[] body;
            try
            {
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, attempt.Token).ConfigureAwait(false);
                body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var text = $"{method} {pathAndQuery} got no response within {_timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.";
                Trace(listener, HttpTraceEventKind.RequestFailed, method, uri, null, stopwatch.Elapsed, Array.Empty<KeyValuePair<string, string>>(), text, Redactor());
                throw new OciTransportException(OciTransportErrorKind.Timeout, text);
            }
            catch (Exception ex) when ((ex is HttpRequestException || ex is System.IO.IOException || ex is WebException) && cancellationToken.IsCancellationRequested)
            {
                // The caller cancelled: the socket error that follows is not a network failure.
                throw new OperationCanceledException("The request was cancelled.", ex, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is System.IO.IOException || ex is WebException)
            {
                var text = Redactor().Redact($"{method} {pathAndQuery} failed before a response arrived: {Describe(ex)}");
                Trace(listener, HttpTraceEventKind.RequestFailed, method, uri, null, stopwatch.Elapsed, Array.Empty<KeyValuePair<string, string>>(), text, Redactor());
                throw new OciTransportException(OciTransportErrorKind.ConnectionFailed, text);
            }

            using (response)
            {
                var elapsed = stopwatch.Elapsed;
                var headers = ResponseHeaders(response);
                if (listener != null)
                {
                    Trace(listener, HttpTraceEventKind.ResponseReceived, method, uri, (int)response.StatusCode, elapsed, ToList(headers, Redactor()), null, Redactor());
                }
                if (response.IsSuccessStatusCode)
                {
                    return new OciResponse(response.StatusCode, headers, body, elapsed);
                }

                throw ToServiceException(response, headers, body, method, pathAndQuery, Redactor());
            }
        }

        /// <summary>Sends and parses the JSON body as <typeparamref name="T"/>.</summary>
        public async Task<OciResult<T>> SendAsync<T>(OciRequest request, CancellationToken cancellationToken, OciCallOptions? call = null)
        {
            var response = await SendAsync(request, cancellationToken, call).ConfigureAwait(false);
            T value;
            try
            {
                value = OciJson.Deserialize<T>(response.Body);
            }
            catch (JsonException ex)
            {
                throw new OciServiceException((int)response.StatusCode, "InvalidResponse",
                    $"The response body could not be read as {typeof(T).Name}: {ex.Message}", response.OpcRequestId, request.Method.Method, request.PathAndQuery);
            }

            return new OciResult<T>(value, response);
        }

        /// <summary>
        /// A client for another endpoint (another region, another service) that signs the same way and shares this
        /// one's connections: one pool per session. Disposing it changes nothing; disposing this one ends both.
        /// </summary>
        public OciHttpClient WithEndpoint(Uri endpoint) =>
            new OciHttpClient(this, endpoint ?? throw new ArgumentNullException(nameof(endpoint)));

        public void Dispose()
        {
            if (_ownsConnections)
            {
                _http.Dispose();
            }
        }

        private static HttpMessageHandler CreateHandler(OciHttpClientOptions options)
        {
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                MaxConnectionsPerServer = options.MaxConnectionsPerServer,
            };

            var proxy = EnvironmentProxy.FromEnvironment(options.Environment);
            if (proxy != null)
            {
                handler.UseProxy = true;
                handler.Proxy = proxy;
            }

            return handler;
        }

        private OciServiceException ToServiceException(HttpResponseMessage response, IReadOnlyDictionary<string, string> headers, byte[] body, string method, string path, SecretRedactor redactor)
        {
            headers.TryGetValue(_errors.RequestIdHeader, out var requestId);
            var error = _errors.Read(headers, body);
            var message = error.Message
                ?? (body.Length == 0 ? $"{response.ReasonPhrase} (no response body)" : $"the response was not an {_errors.Cloud} error: " + Printable(body));
            return new OciServiceException((int)response.StatusCode, error.Code, redactor.Redact(message), requestId, method, path, RetryAfterOf(response), _errors.RequestIdHeader);
        }

        private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
        {
            var retryAfter = response.Headers.RetryAfter;
            if (retryAfter?.Delta is TimeSpan delta)
            {
                return delta;
            }

            if (retryAfter?.Date is DateTimeOffset date)
            {
                var wait = date - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }

        private static string Printable(byte[] body)
        {
            var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 400));
            var builder = new StringBuilder(text.Length);
            var lastWasSpace = false;
            foreach (var c in text)
            {
                var space = char.IsWhiteSpace(c) || char.IsControl(c);
                if (space && lastWasSpace)
                {
                    continue;
                }

                builder.Append(space ? ' ' : c);
                lastWasSpace = space;
            }

            var result = builder.ToString().Trim();
            return body.Length > 400 ? result + "…" : result;
        }

        private static string Describe(Exception ex)
        {
            var parts = new List<string>();
            for (var current = ex; current != null; current = current.InnerException)
            {
                if (!parts.Contains(current.Message))
                {
                    parts.Add(current.Message);
                }
            }

            return string.Join(" ", parts);
        }

        private static IReadOnlyDictionary<string, string> ResponseHeaders(HttpResponseMessage response)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in response.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            foreach (var header in response.Content.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            return headers;
        }

        private static IReadOnlyList<KeyValuePair<string, string>> RequestHeaders(HttpRequestMessage message, SecretRedactor redactor)
        {
            var list = new List<KeyValuePair<string, string>>();
            foreach (var header in message.Headers)
            {
                var value = string.Join(", ", header.Value);
                list.Add(new KeyValuePair<string, string>(header.Key, redactor.RedactHeader(header.Key, value)));
            }

            if (message.Content != null)
            {
                foreach (var header in message.Content.Headers)
                {
                    list.Add(new KeyValuePair<string, string>(header.Key, redactor.RedactHeader(header.Key, string.Join(", ", header.Value))));
                }
            }

            return list;
        }

        private static IReadOnlyList<KeyValuePair<string, string>> ToList(IReadOnlyDictionary<string, string> headers, SecretRedactor redactor)
        {
            var list = new List<KeyValuePair<string, string>>(headers.Count);
            foreach (var header in headers)
            {
                list.Add(new KeyValuePair<string, string>(header.Key, redactor.RedactHeader(header.Key, header.Value)));
            }

            return list;
        }

        private static void Trace(IHttpTraceListener? listener, HttpTraceEventKind kind, string method, Uri uri, int? status, TimeSpan elapsed, IReadOnlyList<KeyValuePair<string, string>> headers, string? detail, SecretRedactor redactor)
        {
            listener?.OnHttpEvent(new HttpTraceEvent(kind, method, redactor.Redact(uri.AbsoluteUri), status, elapsed, headers, detail == null ? null : redactor.Redact(detail)));
        }
    }
}
