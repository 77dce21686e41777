namespace OciBackup.Engine.Http
{
    /// <summary>What a service said in a non-2xx answer: its error code and message, when it said them.</summary>
    internal sealed class ServiceError
    {
        public static ServiceError None { get; } = new ServiceError(null, null);

        public ServiceError(string? code, string? message)
        {
            Code = code;
            Message = message;
        }

        public string? Code { get; }

        public string? Message { get; }
    }
}
