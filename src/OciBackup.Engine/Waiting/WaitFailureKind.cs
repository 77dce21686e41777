namespace OciBackup.Engine.Waiting
{
    internal enum WaitFailureKind
    {
        /// <summary>It is FAULTY: it will never reach the state.</summary>
        Faulty,

        /// <summary>It is being or has been deleted: it will never reach the state.</summary>
        Terminated,

        /// <summary>The service does not know it (404).</summary>
        NotFound,

        /// <summary>The timeout passed while it was still on its way.</summary>
        TimedOut,

        /// <summary>Polling failed with an error that retrying did not cure (401, 400, ...).</summary>
        Error,
    }
}
