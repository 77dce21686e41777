using System;
using System.Collections.Generic;
using System.Text;

namespace OciBackup.Tests
{
    public sealed class CapturedRequest
    {
        public CapturedRequest(string method, Uri uri, IReadOnlyDictionary<string, string> headers, byte[]? body)
        {
            Method = method;
            Uri = uri;
            Headers = headers;
            Body = body;
        }

        public string Method { get; }

        public Uri Uri { get; }

        public IReadOnlyDictionary<string, string> Headers { get; }

        public byte[]? Body { get; }

        public string? BodyText => Body == null ? null : Encoding.UTF8.GetString(Body);

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }
}
