using System.Collections.Generic;

namespace OciBackup.Tests
{
    public sealed class ServerRequest
    {
        public ServerRequest(string requestLine, IReadOnlyDictionary<string, string> headers, byte[] body)
        {
            RequestLine = requestLine;
            Headers = headers;
            Body = body;
        }

        /// <summary>E.g. <c>GET /20160918/volumes HTTP/1.1</c> (an absolute URI when sent to a proxy).</summary>
        public string RequestLine { get; }

        public IReadOnlyDictionary<string, string> Headers { get; }

        public byte[] Body { get; }

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }
}
