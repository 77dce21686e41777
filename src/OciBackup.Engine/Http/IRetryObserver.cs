namespace OciBackup.Engine.Http
{
    /// <summary>Hears about each retry before its delay. Called on worker threads: be thread-safe and quick.</summary>
    internal interface IRetryObserver
    {
        void OnRetry(RetryNotice notice);
    }
}
