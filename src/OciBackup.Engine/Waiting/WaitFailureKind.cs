namespace OciBackup.Engine.Waiting
{
    internal enum WaitFailureKind
    {
        /// <summary>The backup is FAULTY: it will never reach the state.</summary>
        Faulty,

        /// <summary>The backup is TERMINATING or TERMINATED: it will never reach the state.</summary>
        Terminated,

        /// <summary>The service does not know the backup (404).</summary>
        NotFound,

        /// <summary>The timeout passed while the backup was still on its way.</summary>
        TimedOut,

        /// <summary>Polling failed with an error that retrying did not cure (401, 400, ...).</summary>
        Error,
    }
}
