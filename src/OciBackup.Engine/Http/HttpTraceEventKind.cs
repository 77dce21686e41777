namespace OciBackup.Engine.Http
{
    internal enum HttpTraceEventKind
    {
        RequestSent,
        ResponseReceived,
        RequestFailed,
    }
}
