namespace OciBackup.Engine.Http
{
    /// <summary>How a request got its turn from a <see cref="RequestPacer"/>.</summary>
    internal enum PacedTurnKind
    {
        /// <summary>No pace yet: the service has not refused the session for its rate.</summary>
        Unpaced,

        /// <summary>From credit saved while the session sent less than its pace.</summary>
        Burst,

        /// <summary>At the pace.</summary>
        Paced,
    }
}
