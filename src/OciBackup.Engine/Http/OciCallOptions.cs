namespace OciBackup.Engine.Http
{
    /// <summary>Per-call settings: one cmdlet invocation's -Debug trace, its retry limits and who hears about retries.</summary>
    internal sealed class OciCallOptions
    {
        public static OciCallOptions Default { get; } = new OciCallOptions();

        /// <summary>Receives this call's redacted HTTP events, besides the client's own listener.</summary>
        public IHttpTraceListener? Trace { get; set; }

        /// <summary>Overrides the client's retry policy for this call (e.g. -NoRetry); null keeps the client's.</summary>
        public RetryPolicy? RetryPolicy { get; set; }

        /// <summary>Told about each retry (for -Verbose, and for bulk pacing on 429).</summary>
        public IRetryObserver? RetryObserver { get; set; }

        /// <summary>Gives every attempt of the call its turn and hears its answer (the session's, for bulk work); null sends at once.</summary>
        public RequestPacer? Pacer { get; set; }
    }
}
