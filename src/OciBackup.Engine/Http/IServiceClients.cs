namespace OciBackup.Engine.Http
{
    /// <summary>
    /// The service clients of one session, whichever cloud it signs for. Bulk runs and waits carry it without looking
    /// inside; each provider's kinds and operations know their own clients (OCI's are <see cref="IRegionalClients"/>).
    /// </summary>
    internal interface IServiceClients
    {
    }
}
