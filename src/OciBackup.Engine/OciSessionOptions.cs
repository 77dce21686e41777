using System;
using System.Collections.Generic;
using System.Net.Http;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;

namespace OciBackup.Engine
{
    /// <summary>What to build a session from. Everything is optional: unset values come from the OCI config file and environment as the OCI CLI finds them.</summary>
    internal sealed class OciSessionOptions
    {
        public string? ConfigFile { get; set; }

        public string? Profile { get; set; }

        /// <summary>A region id or short code; overrides the profile's region.</summary>
        public string? Region { get; set; }

        /// <summary>An explicit endpoint (<c>https://…</c>, or <c>http://127.0.0.1:port</c> for the emulator); overrides the region's.</summary>
        public string? Endpoint { get; set; }

        /// <summary>
        /// An endpoint per region (region id or short code → <c>https://…</c>, or <c>http://127.0.0.1:port</c> for an
        /// emulator): the session serves exactly these regions, each at its own endpoint. Not with <see cref="Endpoint"/>.
        /// </summary>
        public IReadOnlyDictionary<string, string>? Endpoints { get; set; }

        /// <summary>Pass phrase of an encrypted key; overrides the profile's pass_phrase. The caller owns and clears it.</summary>
        public char[]? PassPhrase { get; set; }

        /// <summary>
        /// The kind of authentication (an <see cref="AuthenticationKind"/> name or the OCI CLI's name); null for what
        /// <c>OCI_CLI_AUTH</c>, the CLI's variables or the profile say.
        /// </summary>
        public string? AuthType { get; set; }

        /// <summary>An API key given directly (no config file is read); its pass phrase is <see cref="PassPhrase"/>.</summary>
        public ApiKeySettings? ApiKey { get; set; }

        /// <summary>The federation endpoint for instance principals; null for <c>OCI_CLI_FEDERATION_ENDPOINT</c>, else the instance region's.</summary>
        public string? FederationEndpoint { get; set; }

        /// <summary>How tokens are obtained (metadata reads, federation calls, session keys); tests replace the network and keys.</summary>
        public Func<HttpMessageHandler>? TokenServiceHandler { get; set; }

        /// <summary>Makes session keys for instance principal tokens (tests); null for new 2048-bit keys.</summary>
        public Func<SessionKey>? SessionKeys { get; set; }

        public TimeSpan Timeout { get; set; } = OciHttpClientOptions.DefaultTimeout;

        /// <summary>The host for the User-Agent, e.g. <c>PowerShell/7.6.9 (Core)</c>.</summary>
        public string? HostDescription { get; set; }

        public IHttpTraceListener? Trace { get; set; }

        /// <summary>The session's retries; each call may override it (e.g. -NoRetry).</summary>
        public RetryPolicy RetryPolicy { get; set; } = RetryPolicy.Default;

        public IProcessEnvironment Environment { get; set; } = ProcessEnvironment.Instance;

        public IClock Clock { get; set; } = SystemClock.Instance;

        /// <summary>How retries (of API calls, metadata reads and federation calls) wait; tests replace it.</summary>
        public IDelay Delay { get; set; } = TaskDelay.Instance;

        /// <summary>Replaces the network stack (tests).</summary>
        public HttpMessageHandler? Handler { get; set; }
    }
}
