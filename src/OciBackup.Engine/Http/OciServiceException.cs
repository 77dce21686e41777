using System;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// The service answered with a non-2xx status. Carries what a person (or a retry policy) needs:
    /// HTTP status, OCI error code, the service's message and the <c>opc-request-id</c> to quote to support.
    /// </summary>
    public sealed class OciServiceException : Exception
    {
        /// <param name="requestIdHeader">The header the request id came from: OCI's <c>opc-request-id</c> unless another cloud's.</param>
        internal OciServiceException(int statusCode, string? code, string serviceMessage, string? opcRequestId, string method, string path, TimeSpan? retryAfter = null,
            string requestIdHeader = "opc-request-id")
            : base(Compose(statusCode, code, serviceMessage, opcRequestId, method, path, requestIdHeader))
        {
            StatusCode = statusCode;
            Code = code;
            ServiceMessage = serviceMessage;
            OpcRequestId = opcRequestId;
            Method = method;
            Path = path;
            RetryAfter = retryAfter;
            RequestIdHeader = requestIdHeader;
        }

        public int StatusCode { get; }

        /// <summary>The OCI error code (<c>NotAuthorizedOrNotFound</c>, ...), or null when the body was not an OCI error.</summary>
        public string? Code { get; }

        public string ServiceMessage { get; }

        /// <summary>The id to quote to support: OCI's opc-request-id, or the request id of another cloud's answer (see <see cref="RequestIdHeader"/>).</summary>
        public string? OpcRequestId { get; }

        /// <summary>The response header <see cref="OpcRequestId"/> came from: <c>opc-request-id</c>, or Huawei Cloud's <c>X-Request-Id</c>.</summary>
        public string RequestIdHeader { get; }

        public string Method { get; }

        /// <summary>Path and query of the call (never headers).</summary>
        public string Path { get; }

        /// <summary>The service's Retry-After, when it sent one (429, 503).</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>How many attempts the call made before this failure ended it (1 when it was not retried).</summary>
        public int Attempts { get; internal set; } = 1;

        public override string Message => Attempts > 1 ? $"{base.Message} (gave up after {Attempts} attempts)" : base.Message;

        public override string ToString() => $"{GetType().FullName}: {Message}";

        private static string Compose(int statusCode, string? code, string serviceMessage, string? opcRequestId, string method, string path, string requestIdHeader)
        {
            var what = code == null ? $"HTTP {statusCode}" : $"{statusCode} {code}";
            var id = opcRequestId == null ? string.Empty : $" ({requestIdHeader}: {opcRequestId})";
            return $"{method} {path} failed with {what}: {serviceMessage}{id}";
        }
    }
}
