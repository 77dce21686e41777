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
    public sealed class OciSession : IDisposable
    {
        internal const string CliRegionVariable = AuthenticationResolver.CliRegionVariable;
        internal const string RegionVariable = AuthenticationResolver.RegionVariable;

        private readonly IAuthenticationProvider _authentication;

        private OciSession(string? configFile, string? profile, string? region, Uri endpoint, IAuthenticationProvider authentication, OciHttpClient http)
        {
            ConfigFile = configFile;
            Profile = profile;
            Region = region;
            Endpoint = endpoint;
            _authentication = authentication;
            Http = http;
            Blockstorage = new BlockstorageClient(http);
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

        internal IAuthenticationProvider Authentication => _authentication;

        internal BlockstorageClient Blockstorage { get; }

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
                Uri endpoint;
                if (endpointOverride != null)
                {
                    endpoint = endpointOverride;
                }
                else if (region != null)
                {
                    endpoint = ServiceEndpoint.ForRegion(region);
                }
                else
                {
                    throw new OciConfigException(
                        OciConfigErrorKind.RegionMissing,
                        $"No region is set: {resolved.NoRegionReason}.",
                        resolved.Profile != null ? "Add 'region=us-ashburn-1' (your region) to the profile, or pass -Region." : "Pass -Region (such as us-ashburn-1), or set OCI_CLI_REGION.",
                        configFile: resolved.ConfigFile,
                        profile: resolved.Profile,
                        setting: "region");
                }

                var http = new OciHttpClient(new OciHttpClientOptions(endpoint, authentication)
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
                return new OciSession(resolved.ConfigFile, resolved.Profile, region?.Id, endpoint, authentication, http);
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
            return new OciSession(null, null, region, httpOptions.Endpoint, httpOptions.Authentication, http);
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
