using System.Collections.Generic;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// The error-mapping step of a session's HTTP client: reads a cloud's error body and request id from a non-2xx
    /// answer. OCI's is <see cref="OciErrorReader"/>; each provider brings its own.
    /// </summary>
    internal interface IServiceErrorReader
    {
        /// <summary>The response header that carries the id to quote to support: <c>opc-request-id</c>.</summary>
        string RequestIdHeader { get; }

        /// <summary>Whose errors these are, for a body that is none of them: <c>OCI</c>.</summary>
        string Cloud { get; }

        /// <summary>The service's error code and message, each null when the body does not say (not JSON, another shape).</summary>
        ServiceError Read(IReadOnlyDictionary<string, string> headers, byte[] body);
    }
}
