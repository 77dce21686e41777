using System;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;

namespace OciBackup.Engine
{
    /// <summary>
    /// A signing identity bound to one endpoint: the authentication provider, the region, and the one
    /// HTTP client every call of the session shares. Immutable and thread-safe, so one session serves
    /// a whole pipeline and parallel runspaces. Never shows key material.
    /// </summary>
    public sealed class OciSession : IDisposable, IRegionalClients
    {
        internal const string CliRegionVariable = AuthenticationResolver.CliRegionVariable;
        internal const string RegionVariable = AuthenticationResolver.RegionVariable;

        private readonly IAuthenticationProvider _authentication;

        private OciSession(string? configFile, string? profile, RegionEndpoints endpoints, IAuthenticationProvider authentication, OciHttpClient http)
        {
            ConfigFile = configFile;
            Profile = profile;
            Region = endpoints.HomeRegion;
            Endpoint = endpoints.HomeEndpoint;
            _authentication = authentication;
            Http = http;
            Clients = new SessionClients(http, endpoints);
            Blockstorage = Clients.Blockstorage(null);
            Identity = Clients.Identity(null);
        }

        public string? ConfigFile { get; }

        public string? Profile { get; }

        /// <summary>
        /// The region id (e.g. <c>us-ashburn-1</c>); null only when an endpoint was given without one. The session also
        /// signs for the other regions of its realm (or, given an endpoint per region, for those): a backup or volume
        /// says its region, and calls about it go there.
        /// </summary>
        public string? Region { get; }

        public Uri Endpoint { get; }

        public AuthenticationKind AuthenticationKind => _authentication.Kind;

        public string? TenancyId => _authentication.TenancyId;

        public string? UserId => _authentication.UserId;

        public string Fingerprint => _authentication.Fingerprint;

        // Internal: the session's plumbing is for the cmdlets, not for a user's $session | Format-List *.
        internal OciHttpClient Http { get; }

        internal IAuthenticationProvider Authentication => _authentication;

        internal BlockstorageClient Blockstorage { get; }

        internal IdentityClient Identity { get; }

        /// <summary>The pace the tenancy's rate limit allows, as learned from its 429s: shared by every bulk run and wait of the session.</summary>
        internal RequestPacer Pacer { get; } = new RequestPacer(SystemClock.Instance, TaskDelay.Instance);

        /// <summary>Every region's clients, over this session's one connection pool.</summary>
        internal SessionClients Clients { get; }

        BlockstorageClient IRegionalClients.Blockstorage(string? region) => Clients.Blockstorage(region);

        IdentityClient IRegionalClients.Identity(string? region) => Clients.Identity(region);

        /// <summary>
        /// Works out how to sign in (<see cref="AuthenticationResolver"/>), reads and checks the keys and tokens that
        /// takes, and builds the client. Throws <see cref="OciConfigException"/> before any API request is sent; only
        /// instance principals call out, to the metadata and federation services, for the first token.
        /// </summary>
        internal static OciSession Create(OciSessionOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var environment = options.Environment;
            var catalog = new RegionCatalog(environment);

            // What the caller typed is checked first, before anything is read or sent.
            var explicitRegion = options.Region == null ? null : catalog.Resolve(options.Region);
            var endpointOverride = options.Endpoint == null ? null : ServiceEndpoint.ParseOverride(options.Endpoint);
            if (options.Endpoints != null && options.Endpoint != null)
            {
                throw new OciConfigException(OciConfigErrorKind.EndpointInvalid, "Both an endpoint and an endpoint per region were given.",
                    "Give -Endpoint one URL, or a hashtable of region = URL.", setting: "endpoint");
            }
            if (options.FederationEndpoint != null)
            {
                ServiceEndpoint.ParseFederationOverride(options.FederationEndpoint, "-FederationEndpoint");
            }

            var tokenServices = new AuthHttpSettings
            {
                Clock = options.Clock,
                Delay = options.Delay,
                RetryPolicy = options.RetryPolicy,
                Timeout = options.Timeout,
                Trace = options.Trace,
                HostDescription = options.HostDescription,
                Environment = environment,
                CreateHandler = options.TokenServiceHandler,
                SessionKeys = options.SessionKeys ?? SessionKey.Generate,
            };
            var resolved = AuthenticationResolver.Resolve(options, catalog, tokenServices, explicitRegion != null);
            var authentication = resolved.Provider;
            try
            {
                var region = explicitRegion ?? (resolved.DefaultRegion == null ? null : catalog.Resolve(resolved.DefaultRegion));
                var endpoints = Endpoints(options, catalog, region, endpointOverride, resolved);
                var http = new OciHttpClient(new OciHttpClientOptions(endpoints.HomeEndpoint, authentication)
                {
                    Clock = options.Clock,
                    Delay = options.Delay,
                    Timeout = options.Timeout,
                    HostDescription = options.HostDescription,
                    Trace = options.Trace,
                    RetryPolicy = options.RetryPolicy,
                    Environment = environment,
                    Handler = options.Handler,
                    Redactor = new SecretRedactor(resolved.Secrets),
                });
                return new OciSession(resolved.ConfigFile, resolved.Profile, endpoints, authentication, http);
            }
            catch
            {
                authentication.Dispose();
                throw;
            }
        }

        /// <summary>A session from an authentication provider built elsewhere (tests, future principals); the options name the endpoint and provider.</summary>
        internal static OciSession Create(OciHttpClientOptions httpOptions, string? region)
        {
            var authentication = httpOptions.Authentication ?? throw new ArgumentException("An OCI session signs with OCI's authentication.", nameof(httpOptions));
            var http = new OciHttpClient(httpOptions);
            return new OciSession(null, null, RegionEndpoints.Single(region, httpOptions.Endpoint), authentication, http);
        }

        /// <summary>Where the session's regions are: an endpoint per region, one endpoint, or every region of its region's realm.</summary>
        private static RegionEndpoints Endpoints(OciSessionOptions options, RegionCatalog catalog, Region? region, Uri? endpointOverride, ResolvedAuthentication resolved)
        {
            if (options.Endpoints != null)
            {
                return RegionEndpoints.Mapped(options.Endpoints, region?.Id, catalog);
            }

            if (endpointOverride != null)
            {
                return RegionEndpoints.Single(region?.Id, endpointOverride, catalog);
            }

            if (region != null)
            {
                return RegionEndpoints.InRealmOf(region, catalog);
            }

            throw new OciConfigException(
                OciConfigErrorKind.RegionMissing,
                $"No region is set: {resolved.NoRegionReason}.",
                resolved.Profile != null ? "Add 'region=us-ashburn-1' (your region) to the profile, or pass -Region." : "Pass -Region (such as us-ashburn-1), or set OCI_CLI_REGION.",
                configFile: resolved.ConfigFile,
                profile: resolved.Profile,
                setting: "region");
        }

        public void Dispose()
        {
            Http.Dispose();
            _authentication.Dispose();
        }

        public override string ToString() =>
            (Profile == null ? "OciSession " : $"OciSession [{Profile}] ") + $"{Region} {Endpoint.GetLeftPart(UriPartial.Authority)} ({AuthenticationKind})";
    }
}
