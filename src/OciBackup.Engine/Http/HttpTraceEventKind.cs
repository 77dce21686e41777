namespace OciBackup.Engine.Http
{
    public enum HttpTraceEventKind
    {
        RequestSent,
        ResponseReceived,
        RequestFailed,
    }
}
