using System;
using System.Net.Http;
using OciBackup.Engine.Auth;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// How an <see cref="OciHttpClient"/> is built. Only <see cref="Endpoint"/> and how to sign are required: OCI's
    /// <see cref="Authentication"/>, or another cloud's <see cref="Signing"/> step (with its <see cref="ErrorReader"/>).
    /// </summary>
    internal sealed class OciHttpClientOptions
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

        /// <summary>A client that signs as OCI does, with this provider's credentials.</summary>
        public OciHttpClientOptions(Uri endpoint, IAuthenticationProvider authentication)
        {
            Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
            Authentication = authentication ?? throw new ArgumentNullException(nameof(authentication));
        }

        /// <summary>A client that signs with another cloud's step (Huawei's SDK-HMAC-SHA256).</summary>
        public OciHttpClientOptions(Uri endpoint, ISigningStep signing)
        {
            Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
            Signing = signing ?? throw new ArgumentNullException(nameof(signing));
        }

        /// <summary>Scheme, host and port, e.g. <c>https://iaas.us-ashburn-1.oraclecloud.com</c>.</summary>
        public Uri Endpoint { get; }

        /// <summary>OCI's sign-in, signed with <see cref="RequestSigner"/>; null when <see cref="Signing"/> is another cloud's.</summary>
        public IAuthenticationProvider? Authentication { get; }

        /// <summary>The sign step of another cloud; null for OCI's, built from <see cref="Authentication"/> and <see cref="Clock"/>.</summary>
        public ISigningStep? Signing { get; }

        /// <summary>How error bodies and request ids are read (OCI's unless another cloud's).</summary>
        public IServiceErrorReader ErrorReader { get; set; } = OciErrorReader.Instance;

        public IClock Clock { get; set; } = SystemClock.Instance;

        /// <summary>How long one attempt may take, response body included.</summary>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;

        /// <summary>The host for the User-Agent, e.g. <c>PowerShell/7.6.9 (Core)</c>.</summary>
        public string? HostDescription { get; set; }

        public IHttpTraceListener? Trace { get; set; }

        /// <summary>Secrets to mask in traces and errors, besides the headers that always are.</summary>
        public SecretRedactor Redactor { get; set; } = SecretRedactor.None;

        /// <summary>Where proxy variables are read from.</summary>
        public IProcessEnvironment Environment { get; set; } = ProcessEnvironment.Instance;

        /// <summary>Replaces the network stack (tests); when set, proxy and connection settings are the handler's own.</summary>
        public HttpMessageHandler? Handler { get; set; }

        /// <summary>Which failures are retried and for how long; a call's <see cref="OciCallOptions.RetryPolicy"/> overrides it.</summary>
        public RetryPolicy RetryPolicy { get; set; } = RetryPolicy.Default;

        /// <summary>How the client waits between attempts.</summary>
        public IDelay Delay { get; set; } = TaskDelay.Instance;

        /// <summary>Where retry jitter comes from; must be thread-safe.</summary>
        public IRandomSource Random { get; set; } = ThreadSafeRandom.Instance;

        /// <summary>Concurrent connections to the endpoint (Windows PowerShell's default would otherwise be 2).</summary>
        public int MaxConnectionsPerServer { get; set; } = 256;
    }
}
