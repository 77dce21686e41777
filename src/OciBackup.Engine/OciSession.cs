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

        private OciSession(string? configFile, string? profile, string? region, Uri endpoint, Uri identityEndpoint, IAuthenticationProvider authentication, OciHttpClient http)
        {
            ConfigFile = configFile;
            Profile = profile;
            Region = region;
            Endpoint = endpoint;
            _authentication = authentication;
            Http = http;
            Blockstorage = new BlockstorageClient(http, region);
            Identity = new IdentityClient(identityEndpoint == endpoint ? http : http.WithEndpoint(identityEndpoint), region);
        }

        public string? ConfigFile { get; }

        public string? Profile { get; }

        /// <summary>The region id (e.g. <c>us-ashburn-1</c>); null only when an endpoint was given without one.</summary>
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

        BlockstorageClient IRegionalClients.Blockstorage(string? region)
        {
            if (region == null || string.Equals(region, Region, StringComparison.OrdinalIgnoreCase))
            {
                return Blockstorage;
            }

            throw NotMapped(region);
        }

        IdentityClient IRegionalClients.Identity(string? region)
        {
            if (region == null || string.Equals(region, Region, StringComparison.OrdinalIgnoreCase))
            {
                return Identity;
            }

            throw NotMapped(region);
        }

        private OciConfigException NotMapped(string region) =>
            new OciConfigException(
                OciConfigErrorKind.EndpointInvalid,
                $"This session signs for {Region ?? "one endpoint"} only, not for {region}.",
                $"Use a session for {region}: New-OciSession -Region {region}.",
                setting: "region");

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

            Uri endpoint;
            if (options.Endpoint != null)
            {
                endpoint = ServiceEndpoint.ParseOverride(options.Endpoint);
            }
            else if (region != null)
            {
                endpoint = ServiceEndpoint.ForRegion(region);
            }
            else
            {
                throw new OciConfigException(
                    OciConfigErrorKind.RegionMissing,
                    $"No region is set: the profile [{profile.Name}] in '{profile.ConfigFile}' has no 'region', and neither -Region, OCI_CLI_REGION nor OCI_REGION is set.",
                    "Add 'region=us-ashburn-1' (your region) to the profile, or pass -Region.",
                    configFile: profile.ConfigFile,
                    profile: profile.Name,
                    setting: "region");
            }

            var authentication = AuthenticationProviderFactory.FromProfile(profile, environment, options.PassPhrase);
            try
            {
                var http = new OciHttpClient(new OciHttpClientOptions(endpoint, authentication)
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
                // An endpoint given (an emulator, a private endpoint) serves Identity too.
                var identityEndpoint = options.Endpoint != null || region == null ? endpoint : ServiceEndpoint.IdentityForRegion(region);
                return new OciSession(profile.ConfigFile, profile.Name, region?.Id, endpoint, identityEndpoint, authentication, http);
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
            return new OciSession(null, null, region, httpOptions.Endpoint, httpOptions.Endpoint, httpOptions.Authentication, http);
        }

        public void Dispose()
        {
            Http.Dispose();
            _authentication.Dispose();
        }

        public override string ToString() => $"OciSession [{Profile}] {Region} {Endpoint.GetLeftPart(UriPartial.Authority)} ({AuthenticationKind})";
    }
}
