using System;
using System.Net.Http;
using OciBackup.Engine.Http;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// How token-issuing providers reach the metadata and federation services: the session's clock, delays,
    /// randomness, retry limits, timeout, trace and proxy settings, so those calls follow the same discipline as
    /// every API call. Tests replace the network and the session keys.
    /// </summary>
    internal sealed class AuthHttpSettings
    {
        public IClock Clock { get; set; } = SystemClock.Instance;

        public IDelay Delay { get; set; } = TaskDelay.Instance;

        public IRandomSource Random { get; set; } = ThreadSafeRandom.Instance;

        /// <summary>Retries of the federation call (the session's policy).</summary>
        public RetryPolicy RetryPolicy { get; set; } = RetryPolicy.Default;

        /// <summary>Retries of metadata reads; null for <see cref="InstanceMetadataClient.DefaultRetryPolicy"/>.</summary>
        public RetryPolicy? MetadataRetryPolicy { get; set; }

        /// <summary>One federation attempt's limit (the session's timeout).</summary>
        public TimeSpan Timeout { get; set; } = OciHttpClientOptions.DefaultTimeout;

        /// <summary>One metadata read's limit; null for <see cref="InstanceMetadataClient.DefaultTimeout"/>.</summary>
        public TimeSpan? MetadataTimeout { get; set; }

        public IHttpTraceListener? Trace { get; set; }

        public IRetryObserver? RetryObserver { get; set; }

        public string? HostDescription { get; set; }

        public string UserAgent => Http.UserAgent.Build(HostDescription);

        /// <summary>Where proxy variables for the federation call are read from.</summary>
        public IProcessEnvironment Environment { get; set; } = ProcessEnvironment.Instance;

        /// <summary>Makes the network stack of each client (tests); null for the real one.</summary>
        public Func<HttpMessageHandler>? CreateHandler { get; set; }

        /// <summary>Makes a session key for each token (tests pass known keys).</summary>
        public Func<SessionKey> SessionKeys { get; set; } = SessionKey.Generate;
    }
}
