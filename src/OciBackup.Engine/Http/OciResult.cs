namespace OciBackup.Engine.Http
{
    /// <summary>A parsed response body with the response it came from (for etag, opc-request-id, opc-next-page).</summary>
    internal sealed class OciResult<T>
    {
        public OciResult(T value, OciResponse response)
        {
            Value = value;
            Response = response;
        }

        public T Value { get; }

        public OciResponse Response { get; }
    }
}
