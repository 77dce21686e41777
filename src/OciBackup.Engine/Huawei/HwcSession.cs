using System;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei.Auth;
using OciBackup.Engine.Huawei.Http;

namespace OciBackup.Engine.Huawei
{
    /// <summary>
    /// A Huawei Cloud signing identity bound to one region and project: the AK/SK (and token) it signs with, where each
    /// service is, and the one HTTP client every call shares (its connections serve every service). Immutable and
    /// thread-safe. Never shows the AK, the SK or the token.
    /// </summary>
    public sealed class HwcSession : IDisposable, IHwcClients
    {
        private readonly HwcEndpoints _endpoints;

        private HwcSession(HwcEndpoints endpoints, HwcCredentials credentials, HwcCredentialSource source, OciHttpClient http)
        {
            _endpoints = endpoints;
            Region = endpoints.Region;
            ProjectId = credentials.ProjectId!;
            IsTemporary = credentials.IsTemporary;
            CredentialSource = source.ToString();
            Http = http;
            var vbs = endpoints.Of(HwcServices.Vbs);
            var rds = endpoints.Of(HwcServices.Rds);
            Vbs = new VbsClient(vbs == http.Endpoint ? http : http.WithEndpoint(vbs), ProjectId, Region);
            Rds = new RdsClient(rds == http.Endpoint ? http : http.WithEndpoint(rds), ProjectId, Region);
        }

        /// <summary>The region id, such as <c>cn-north-4</c>: the region of the project.</summary>
        public string Region { get; }

        public string ProjectId { get; }

        /// <summary>Where the Volume Backup Service is.</summary>
        public Uri VbsEndpoint => _endpoints.Of(HwcServices.Vbs);

        /// <summary>Where RDS is.</summary>
        public Uri RdsEndpoint => _endpoints.Of(HwcServices.Rds);

        /// <summary>Temporary credentials (a security token with the AK/SK) rather than a permanent AK/SK.</summary>
        public bool IsTemporary { get; }

        /// <summary><c>Parameters</c> or <c>Environment</c> (HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK).</summary>
        public string CredentialSource { get; }

        internal OciHttpClient Http { get; }

        /// <summary>Paces every bulk run and wait of this session together: fast until the service answers 429, then at the rate it lets through.</summary>
        internal RequestPacer Pacer { get; } = new RequestPacer(SystemClock.Instance, TaskDelay.Instance);

        internal VbsClient Vbs { get; }

        internal RdsClient Rds { get; }

        VbsClient IHwcClients.Vbs(string? region) => Serves(region) ? Vbs : throw NotServed(region!);

        RdsClient IHwcClients.Rds(string? region) => Serves(region) ? Rds : throw NotServed(region!);

        /// <summary>
        /// Works out the credentials, project and endpoints, and builds the client. Throws <see cref="HwcConfigException"/>
        /// before anything is sent; nothing is sent here at all.
        /// </summary>
        internal static HwcSession Create(HwcSessionOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var region = options.Region?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(region))
            {
                throw new HwcConfigException(HwcConfigErrorKind.RegionMissing, "No region: a Huawei Cloud project lives in one region.",
                    "Pass -Region, such as cn-north-4 or ap-southeast-3 (tab completes the known ones).", "-Region");
            }

            if (!HwcRegions.IsWellFormed(region))
            {
                throw new HwcConfigException(HwcConfigErrorKind.RegionInvalid, $"'{options.Region}' is not a Huawei Cloud region id.",
                    "Give a region id such as cn-north-4, ap-southeast-3 or eu-west-101 (tab completes the known ones).", "-Region");
            }

            var endpoints = HwcEndpoints.For(region!, options.Endpoint, options.Endpoints);
            var credentials = HwcCredentialResolver.Resolve(options.AccessKey, options.SecretKey, options.SecurityToken, options.ProjectId, options.Environment, out var source);
            var signer = new HwcRequestSigner(options.Clock, options.ContentTypeWithoutBody ?? HwcRequestSigner.RuntimeSendsContentWithGet);
            var http = new OciHttpClient(new OciHttpClientOptions(endpoints.Of(HwcServices.Vbs), new HwcSigningStep(credentials, signer))
            {
                ErrorReader = HwcErrorReader.Instance,
                Clock = options.Clock,
                Delay = options.Delay,
                Random = options.Random,
                Timeout = options.Timeout,
                RetryPolicy = options.RetryPolicy,
                HostDescription = options.HostDescription,
                Trace = options.Trace,
                Environment = options.Environment,
                Handler = options.Handler,
                Redactor = new SecretRedactor(new[] { credentials.AccessKey, credentials.SecretKey, credentials.SecurityToken }),
            });
            return new HwcSession(endpoints, credentials, source, http);
        }

        public void Dispose() => Http.Dispose();

        public override string ToString() =>
            $"HwcSession {Region} project {ProjectId} ({(IsTemporary ? "temporary" : "permanent")} AK/SK from {CredentialSource.ToLowerInvariant()})";

        private bool Serves(string? region) => region == null || string.Equals(region, Region, StringComparison.OrdinalIgnoreCase);

        private HwcConfigException NotServed(string region) =>
            new HwcConfigException(HwcConfigErrorKind.RegionInvalid, $"This session serves {Region} (project {ProjectId}), not {region}: a project lives in one region.",
                $"Make a session for {region} with its own project id (New-HwcSession -Region {region} -ProjectId …).", "-Region");
    }
}
