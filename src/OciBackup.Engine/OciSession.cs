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
        internal const string CliRegionVariable = "OCI_CLI_REGION";
        internal const string RegionVariable = "OCI_REGION";

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

        internal BlockstorageClient Blockstorage { get; }

        internal IdentityClient Identity { get; }

        /// <summary>Every region's clients, over this session's one connection pool.</summary>
        internal SessionClients Clients { get; }

        BlockstorageClient IRegionalClients.Blockstorage(string? region) => Clients.Blockstorage(region);

        IdentityClient IRegionalClients.Identity(string? region) => Clients.Identity(region);

        /// <summary>Reads the config and key, checks them, and builds the client. Throws <see cref="OciConfigException"/> before anything is sent.</summary>
        internal static OciSession Create(OciSessionOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var environment = options.Environment;
            var path = ConfigFileLocator.ResolvePath(options.ConfigFile, environment);
            var profileName = ConfigFileLocator.ResolveProfile(options.Profile, environment);
            var profile = Auth.ConfigFile.Load(path, environment).GetProfile(profileName);
            var regionText = options.Region ?? profile.Get("region") ?? environment.GetVariable(CliRegionVariable) ?? environment.GetVariable(RegionVariable);
            var catalog = new RegionCatalog(environment);

            Region? region = null;
            if (regionText != null)
            {
                region = catalog.Resolve(regionText);
            }

            var endpoints = Endpoints(options, catalog, region, profile);
            var authentication = AuthenticationProviderFactory.FromProfile(profile, environment, options.PassPhrase);
            try
            {
                var http = new OciHttpClient(new OciHttpClientOptions(endpoints.HomeEndpoint, authentication)
                {
                    Clock = options.Clock,
                    Timeout = options.Timeout,
                    HostDescription = options.HostDescription,
                    Trace = options.Trace,
                    RetryPolicy = options.RetryPolicy,
                    Environment = environment,
                    Handler = options.Handler,
                    Redactor = new SecretRedactor(new[] { profile.Get("pass_phrase") }),
                });
                return new OciSession(profile.ConfigFile, profile.Name, endpoints, authentication, http);
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
            var http = new OciHttpClient(httpOptions);
            return new OciSession(null, null, RegionEndpoints.Single(region, httpOptions.Endpoint), httpOptions.Authentication, http);
        }

        /// <summary>Where the session's regions are: an endpoint per region, one endpoint, or every region of its region's realm.</summary>
        private static RegionEndpoints Endpoints(OciSessionOptions options, RegionCatalog catalog, Region? region, ConfigProfile profile)
        {
            if (options.Endpoints != null)
            {
                if (options.Endpoint != null)
                {
                    throw new OciConfigException(OciConfigErrorKind.EndpointInvalid, "Both an endpoint and an endpoint per region were given.",
                        "Give -Endpoint one URL, or a hashtable of region = URL.", setting: "endpoint");
                }

                return RegionEndpoints.Mapped(options.Endpoints, region?.Id, catalog);
            }

            if (options.Endpoint != null)
            {
                return RegionEndpoints.Single(region?.Id, ServiceEndpoint.ParseOverride(options.Endpoint), catalog);
            }

            if (region != null)
            {
                return RegionEndpoints.InRealmOf(region, catalog);
            }

            throw new OciConfigException(
                OciConfigErrorKind.RegionMissing,
                $"No region is set: the profile [{profile.Name}] in '{profile.ConfigFile}' has no 'region', and neither -Region, OCI_CLI_REGION nor OCI_REGION is set.",
                "Add 'region=us-ashburn-1' (your region) to the profile, or pass -Region.",
                configFile: profile.ConfigFile,
                profile: profile.Name,
                setting: "region");
        }

        public void Dispose()
        {
            Http.Dispose();
            _authentication.Dispose();
        }

        public override string ToString() => $"OciSession [{Profile}] {Region} {Endpoint.GetLeftPart(UriPartial.Authority)} ({AuthenticationKind})";
    }
}
