using System;
using System.Collections.Generic;

namespace OciBackup.Engine.Huawei.Auth
{
    /// <summary>
    /// A request as Huawei's SDK signer sees it, before it adds its own headers: method, host, the path exactly as the
    /// signer gets it (already in wire form), the raw (unencoded) query pairs, the caller's headers and the body bytes.
    /// </summary>
    internal sealed class HwcSigningRequest
    {
        /// <param name="host">The endpoint's <c>host[:port]</c> exactly as it is sent in the Host header.</param>
        public HwcSigningRequest(string method, string host, string path, byte[]? body = null)
        {
            Method = string.IsNullOrEmpty(method) ? throw new ArgumentException("A method is required.", nameof(method)) : method.ToUpperInvariant();
            Host = string.IsNullOrEmpty(host) ? throw new ArgumentException("A host is required.", nameof(host)) : host;
            Path = string.IsNullOrEmpty(path) ? "/" : path;
            Body = body;
        }

        public string Method { get; }

        public string Host { get; }

        public string Path { get; }

        public byte[]? Body { get; }

        /// <summary>Raw query pairs, in any order; a repeated key is one pair per value.</summary>
        public List<KeyValuePair<string, string>> Query { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>The caller's headers, names as given (a Content-Type among them is replaced, as the SDK replaces it).</summary>
        public List<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();
    }
}
