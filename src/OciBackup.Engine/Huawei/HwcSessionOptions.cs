using System;
using System.Collections.Generic;
using System.Net.Http;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;

namespace OciBackup.Engine.Huawei
{
    /// <summary>What a Huawei Cloud session is built from: New-HwcSession's parameters, the environment, and (for tests) the clock and network.</summary>
    internal sealed class HwcSessionOptions
    {
        /// <summary>The region id, such as <c>cn-north-4</c>.</summary>
        public string? Region { get; set; }

        public string? ProjectId { get; set; }

        public string? AccessKey { get; set; }

        public string? SecretKey { get; set; }

        /// <summary>The token of temporary credentials.</summary>
        public string? SecurityToken { get; set; }

        /// <summary>One URL for every service (a gateway, or an emulator that serves both).</summary>
        public string? Endpoint { get; set; }

        /// <summary>A URL per service (<c>vbs</c>, <c>rds</c>); wins over <see cref="Endpoint"/>.</summary>
        public IEnumerable<KeyValuePair<string, string>>? Endpoints { get; set; }

        public IProcessEnvironment Environment { get; set; } = ProcessEnvironment.Instance;

        public IClock Clock { get; set; } = SystemClock.Instance;

        public IDelay Delay { get; set; } = TaskDelay.Instance;

        public IRandomSource Random { get; set; } = ThreadSafeRandom.Instance;

        public TimeSpan Timeout { get; set; } = OciHttpClientOptions.DefaultTimeout;

        public RetryPolicy RetryPolicy { get; set; } = RetryPolicy.Default;

        public string? HostDescription { get; set; }

        public IHttpTraceListener? Trace { get; set; }

        /// <summary>Replaces the network stack (tests).</summary>
        public HttpMessageHandler? Handler { get; set; }

        /// <summary>Sign and send content-type on bodiless requests as the SDK does; null for what the runtime can send.</summary>
        public bool? ContentTypeWithoutBody { get; set; }
    }
}
