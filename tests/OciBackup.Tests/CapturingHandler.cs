using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup.Tests
{
    /// <summary>A network stack stand-in that records each request as it would go on the wire and answers with what the test chose.</summary>
    public sealed class CapturingHandler : HttpMessageHandler
    {
        private readonly Func<CapturedRequest, HttpResponseMessage> _respond;

        public CapturingHandler(Func<CapturedRequest, HttpResponseMessage>? respond = null)
        {
            _respond = respond ?? (_ => Json(HttpStatusCode.OK, "{}"));
        }

        public ConcurrentQueue<CapturedRequest> Requests { get; } = new ConcurrentQueue<CapturedRequest>();

        public CapturedRequest Single => Requests.Single();

        public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in request.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            byte[]? body = null;
            if (request.Content != null)
            {
                foreach (var header in request.Content.Headers)
                {
                    headers[header.Key] = string.Join(", ", header.Value);
                }

                body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            }

            var captured = new CapturedRequest(request.Method.Method, request.RequestUri!, headers, body);
            Requests.Enqueue(captured);
            return _respond(captured);
        }
    }
}
