namespace OciBackup.Engine.Http
{
    /// <summary>Receives redacted HTTP events (the cmdlets turn them into -Debug output). Called on worker threads: implementations must be thread-safe and quick.</summary>
    internal interface IHttpTraceListener
    {
        void OnHttpEvent(HttpTraceEvent traceEvent);
    }
}
