using System.Collections.Generic;
using System.Text.Json;
using OciBackup.Engine.Http;

namespace OciBackup.Engine.Huawei.Http
{
    /// <summary>
    /// Huawei Cloud's error bodies, which differ by service: VBS answers <c>{"error": {"code", "message"}}</c>, RDS and
    /// the API gateway <c>{"error_code", "error_msg"}</c>; the request id comes in <c>X-Request-Id</c>.
    /// </summary>
    internal sealed class HwcErrorReader : IServiceErrorReader
    {
        public const string RequestIdHeaderName = "X-Request-Id";

        public static HwcErrorReader Instance { get; } = new HwcErrorReader();

        private HwcErrorReader()
        {
        }

        public string RequestIdHeader => RequestIdHeaderName;

        public string Cloud => "Huawei Cloud";

        public ServiceError Read(IReadOnlyDictionary<string, string> headers, byte[] body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return ServiceError.None;
                }

                if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    return new ServiceError(Text(error, "code"), Text(error, "message"));
                }

                var code = Text(root, "error_code") ?? Text(root, "code");
                var message = Text(root, "error_msg") ?? Text(root, "message");
                return new ServiceError(code, message);
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's page): the client shows what it said.
                return ServiceError.None;
            }
        }

        private static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
