using System;
using System.Collections.Generic;
using System.Net;

namespace OciBackup.Engine.Http
{
    /// <summary>A successful (2xx) response: status, the headers callers use, and the body bytes.</summary>
    internal sealed class OciResponse
    {
        public OciResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, string> headers, byte[] body, TimeSpan elapsed)
        {
            StatusCode = statusCode;
            Headers = headers;
            Body = body;
            Elapsed = elapsed;
        }

        public HttpStatusCode StatusCode { get; }

        /// <summary>Response headers, case-insensitive, multiple values joined by ", ".</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        public byte[] Body { get; }

        public TimeSpan Elapsed { get; }

        public string? OpcRequestId => Header("opc-request-id");

        public string? ETag => Header("etag");

        public string? NextPage => Header("opc-next-page");

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }
}
