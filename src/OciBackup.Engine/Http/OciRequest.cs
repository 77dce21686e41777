using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// One API call before it is signed: method, path under the endpoint, query, JSON body and the
    /// unsigned extra headers (retry token, request id, if-match). Immutable once built, so a retry
    /// sends exactly the same call again.
    /// </summary>
    internal sealed class OciRequest
    {
        private readonly List<KeyValuePair<string, string>> _query = new List<KeyValuePair<string, string>>();
        private readonly List<KeyValuePair<string, string>> _headers = new List<KeyValuePair<string, string>>();

        /// <param name="method">The HTTP method.</param>
        /// <param name="path">The path as it goes on the wire, e.g. <c>/20160918/volumeBackups</c>; build path parameters with <see cref="PathSegment"/>.</param>
        /// <param name="body">The exact JSON bytes to send, or null.</param>
        public OciRequest(HttpMethod method, string path, byte[]? body = null)
        {
            Method = method ?? throw new ArgumentNullException(nameof(method));
            if (path == null || path.Length == 0 || path[0] != '/')
            {
                throw new ArgumentException("The path must start with '/'.", nameof(path));
            }

            Path = path;
            Body = body;
        }

        public HttpMethod Method { get; }

        public string Path { get; }

        public byte[]? Body { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Query => _query;

        public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

        /// <summary>Adds a query parameter unless the value is null; values are encoded once, later, as the SDK does.</summary>
        public OciRequest WithQuery(string name, string? value)
        {
            if (value != null)
            {
                _query.Add(new KeyValuePair<string, string>(name, value));
            }

            return this;
        }

        public OciRequest WithHeader(string name, string? value)
        {
            if (value != null)
            {
                _headers.Add(new KeyValuePair<string, string>(name, value));
            }

            return this;
        }

        /// <summary>
        /// True when sending the call twice does no more harm than sending it once although its method does not say
        /// so (a POST that only asks for a token), so that it is retried like a GET.
        /// </summary>
        public bool IsIdempotent { get; private set; }

        public OciRequest AsIdempotent()
        {
            IsIdempotent = true;
            return this;
        }

        /// <summary>The retry token of a create call, when set.</summary>
        public string? RetryToken => HeaderValue("opc-retry-token");

        public string? HeaderValue(string name)
        {
            foreach (var header in _headers)
            {
                if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return header.Value;
                }
            }

            return null;
        }

        /// <summary>Path and query as they go on the wire: every query value through Uri.EscapeDataString, in the order added.</summary>
        public string PathAndQuery
        {
            get
            {
                if (_query.Count == 0)
                {
                    return Path;
                }

                var builder = new StringBuilder(Path);
                for (var i = 0; i < _query.Count; i++)
                {
                    builder.Append(i == 0 ? '?' : '&')
                        .Append(Uri.EscapeDataString(_query[i].Key))
                        .Append('=')
                        .Append(Uri.EscapeDataString(_query[i].Value));
                }

                return builder.ToString();
            }
        }

        /// <summary>A path parameter encoded as the SDK encodes it (Uri.EscapeDataString).</summary>
        public static string PathSegment(string value) => Uri.EscapeDataString(value);

        public override string ToString() => $"{Method} {PathAndQuery}";
    }
}
