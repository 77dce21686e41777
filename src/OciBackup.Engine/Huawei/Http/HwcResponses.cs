using System.Text.Json;
using OciBackup.Engine.Http;

namespace OciBackup.Engine.Huawei.Http
{
    /// <summary>Reads a Huawei Cloud answer's body as the type the call expects.</summary>
    internal static class HwcResponses
    {
        public static OciResult<T> Read<T>(OciRequest request, OciResponse response)
        {
            try
            {
                return new OciResult<T>(HwcJson.Deserialize<T>(response.Body), response);
            }
            catch (JsonException ex)
            {
                throw new OciServiceException((int)response.StatusCode, "InvalidResponse", $"The response body could not be read as {typeof(T).Name}: {ex.Message}",
                    RequestIdOf(response), request.Method.Method, request.PathAndQuery, requestIdHeader: HwcErrorReader.RequestIdHeaderName);
            }
        }

        public static string? RequestIdOf(OciResponse response) => response.Header(HwcErrorReader.RequestIdHeaderName);
    }
}
