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

        public TimeSpan Timeout { get; set; } = OciHttpClientOptions.DefaultTimeout;

        /// <summary>The host for the User-Agent, e.g. <c>PowerShell/7.6.9 (Core)</c>.</summary>
        public string? HostDescription { get; set; }

        public IHttpTraceListener? Trace { get; set; }

        /// <summary>The session's retries; each call may override it (e.g. -NoRetry).</summary>
        public RetryPolicy RetryPolicy { get; set; } = RetryPolicy.Default;

        public IProcessEnvironment Environment { get; set; } = ProcessEnvironment.Instance;

        public IClock Clock { get; set; } = SystemClock.Instance;

        /// <summary>Replaces the network stack (tests).</summary>
        public HttpMessageHandler? Handler { get; set; }
    }
}
