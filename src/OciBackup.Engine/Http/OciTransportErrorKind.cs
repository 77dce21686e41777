namespace OciBackup.Engine.Http
{
    public enum OciTransportErrorKind
    {
        /// <summary>No complete response within the configured timeout.</summary>
        Timeout,

        /// <summary>The connection could not be made, or was cut before a complete response.</summary>
        ConnectionFailed,
    }
}
