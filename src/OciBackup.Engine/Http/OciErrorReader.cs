using System.Collections.Generic;
using System.Text.Json;

namespace OciBackup.Engine.Http
{
    /// <summary>OCI's error body: <c>{"code": "...", "message": "..."}</c>, and the <c>opc-request-id</c> header.</summary>
    internal sealed class OciErrorReader : IServiceErrorReader
    {
        public static OciErrorReader Instance { get; } = new OciErrorReader();

        private OciErrorReader()
        {
        }

        public string RequestIdHeader => "opc-request-id";

        public string Cloud => "OCI";

        public ServiceError Read(IReadOnlyDictionary<string, string> headers, byte[] body)
        {
            string? code = null;
            string? message = null;
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    if (document.RootElement.TryGetProperty("code", out var codeElement) && codeElement.ValueKind == JsonValueKind.String)
                    {
                        code = codeElement.GetString();
                    }

                    if (document.RootElement.TryGetProperty("message", out var messageElement) && messageElement.ValueKind == JsonValueKind.String)
                    {
                        message = messageElement.GetString();
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML page, a load balancer's text): the client shows what it said.
            }

            return new ServiceError(code, message);
        }
    }
}
