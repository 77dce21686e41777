using System;
using System.Collections.Generic;
using System.Text;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// One step of one HTTP exchange, for <c>-Debug</c>. Everything in it has already been redacted:
    /// no Authorization value, key material, pass phrase or session token can appear here.
    /// </summary>
    internal sealed class HttpTraceEvent
    {
        public HttpTraceEvent(HttpTraceEventKind kind, string method, string url, int? statusCode, TimeSpan elapsed, IReadOnlyList<KeyValuePair<string, string>> headers, string? detail)
        {
            Kind = kind;
            Method = method;
            Url = url;
            StatusCode = statusCode;
            Elapsed = elapsed;
            Headers = headers;
            Detail = detail;
        }

        public HttpTraceEventKind Kind { get; }

        public string Method { get; }

        public string Url { get; }

        public int? StatusCode { get; }

        public TimeSpan Elapsed { get; }

        /// <summary>Redacted headers, in the order sent or received.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        /// <summary>For failures: what went wrong (redacted).</summary>
        public string? Detail { get; }

        /// <summary>A multi-line rendering for a debug stream.</summary>
        public override string ToString()
        {
            var builder = new StringBuilder();
            switch (Kind)
            {
                case HttpTraceEventKind.RequestSent:
                    builder.Append("HTTP ").Append(Method).Append(' ').Append(Url);
                    break;
                case HttpTraceEventKind.ResponseReceived:
                    builder.Append("HTTP ").Append(StatusCode).Append(" from ").Append(Method).Append(' ').Append(Url)
                        .Append(" in ").Append((int)Elapsed.TotalMilliseconds).Append(" ms");
                    break;
                default:
                    builder.Append("HTTP ").Append(Method).Append(' ').Append(Url).Append(" failed after ")
                        .Append((int)Elapsed.TotalMilliseconds).Append(" ms: ").Append(Detail);
                    break;
            }

            foreach (var header in Headers)
            {
                builder.Append("\n  ").Append(header.Key).Append(": ").Append(header.Value);
            }

            return builder.ToString();
        }
    }
}
