using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security;
using OciBackup.Completion;
using OciBackup.Engine;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Builds an OCI session (signing identity, region, endpoint): from your OCI config file, an API key given directly, or the identity of where it runs.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OciSession", DefaultParameterSetName = ConfigFileSet)]
    [OutputType(typeof(OciSession))]
    public sealed class NewOciSessionCommand : PSCmdlet
    {
        private const string ConfigFileSet = "ConfigFile";
        private const string ApiKeySet = "ApiKey";
        private const string ApiKeyFileSet = "ApiKeyFile";
        private const string AuthTypeSet = "AuthType";

        [Parameter(Position = 0, ParameterSetName = ConfigFileSet)]
        [Parameter(Position = 0, ParameterSetName = AuthTypeSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? Profile { get; set; }

        [Parameter(ParameterSetName = ConfigFileSet)]
        [Parameter(ParameterSetName = AuthTypeSet)]
        [ValidateNotNullOrEmpty]
        public string? ConfigFile { get; set; }

        /// <summary><para type="description">How to sign in, whatever the config file says.</para></summary>
        // A string, not the engine's enum: PowerShell lays out cmdlet types before the engine's load context exists. No
        // ValidateSet: the engine also takes the OCI CLI's names (instance_principal, ...), and a ValidateSet would hide
        // the completer's descriptions; an unknown name is OciBackup.AuthTypeInvalid before anything is read or sent.
        [Parameter(Mandatory = true, ParameterSetName = AuthTypeSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AuthTypeCompleter))]
        public string? AuthType { get; set; }

        /// <summary><para type="description">The federation endpoint for instance principals (default: the instance region's).</para></summary>
        [Parameter(ParameterSetName = AuthTypeSet)]
        [ValidateNotNullOrEmpty]
        public string? FederationEndpoint { get; set; }

        /// <summary><para type="description">The tenancy OCID of an API key given without a config file.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = ApiKeySet)]
        [Parameter(Mandatory = true, ParameterSetName = ApiKeyFileSet)]
        [ValidateNotNullOrEmpty]
        public string? TenancyId { get; set; }

        /// <summary><para type="description">The user OCID of an API key given without a config file.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = ApiKeySet)]
        [Parameter(Mandatory = true, ParameterSetName = ApiKeyFileSet)]
        [ValidateNotNullOrEmpty]
        public string? UserId { get; set; }

        /// <summary><para type="description">The fingerprint of the API key, as the OCI console shows it; checked against the key.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = ApiKeySet)]
        [Parameter(Mandatory = true, ParameterSetName = ApiKeyFileSet)]
        [ValidateNotNullOrEmpty]
        public string? Fingerprint { get; set; }

        /// <summary><para type="description">The API private key's PEM text, as a SecureString or a string (from a secret store).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = ApiKeySet)]
        [SecureStringFromText]
        [ValidateNotNull]
        public SecureString? PrivateKey { get; set; }

        /// <summary><para type="description">The path of the API private key's PEM file.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = ApiKeyFileSet)]
        [ValidateNotNullOrEmpty]
        public string? KeyFile { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        /// <summary>
        /// <para type="description">The endpoint instead of the region's: one URL (https://host[:port], or http:// to a loopback address), or a hashtable of region = URL that gives each region the session serves its own endpoint.</para>
        /// </summary>
        // An object: a string for one endpoint, a dictionary for one per region.
        [Parameter]
        [ValidateNotNull]
        public object? Endpoint { get; set; }

        [Parameter]
        [SecureStringFromText]
        public SecureString? PassPhrase { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 60;

        /// <summary><para type="description">At most this many attempts per call for every command using the session (default 8).</para></summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int MaxAttempts { get; set; } = RetryPolicy.Default.MaxAttempts;

        /// <summary><para type="description">Stop retrying a call after this long, as a TimeSpan or seconds (default 600 s).</para></summary>
        [Parameter]
        [SecondsToTimeSpan]
        public TimeSpan MaxRetryTime { get; set; } = RetryPolicy.Default.MaxElapsed;

        /// <summary><para type="description">No retries at all for commands using the session.</para></summary>
        [Parameter]
        public SwitchParameter NoRetry { get; set; }

        protected override void EndProcessing()
        {
            var passPhrase = PassPhrase == null ? null : ToChars(PassPhrase);
            char[]? privateKey = null;
            try
            {
                var options = new OciSessionOptions
                {
                    Profile = Profile,
                    ConfigFile = ConfigFile == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(ConfigFile),
                    Region = Region,
                    PassPhrase = passPhrase,
                    AuthType = AuthType,
                    FederationEndpoint = FederationEndpoint,
                    Timeout = TimeSpan.FromSeconds(TimeoutSec),
                    HostDescription = OciCmdlet.HostDescription(this),
                    RetryPolicy = NoRetry ? RetryPolicy.None : RetryPolicy.Default.WithLimits(MaxAttempts, MaxRetryTime),
                };
                SetEndpoints(options);
                if (ParameterSetName == ApiKeySet || ParameterSetName == ApiKeyFileSet)
                {
                    privateKey = PrivateKey == null ? null : ToChars(PrivateKey);
                    options.ApiKey = new ApiKeySettings(TenancyId!, UserId!, Fingerprint!)
                    {
                        PrivateKeyPem = privateKey == null ? null : new string(privateKey),
                        KeyFile = KeyFile == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(KeyFile),
                        KeySource = KeyFile == null ? "-PrivateKey" : "-KeyFile",
                    };
                }

                WriteVerbose(Describe(options));
                var session = OciSession.Create(options);
                WriteVerbose($"Session for region {session.Region ?? "(none)"} at {session.Endpoint.GetLeftPart(UriPartial.Authority)}, {session.AuthenticationKind} with key {session.Fingerprint}"
                    + (options.Endpoints == null ? "." : $"; endpoints by region: {string.Join(", ", options.Endpoints.Select(e => e.Key + " = " + e.Value))}."));
                WriteObject(session);
            }
            catch (OciConfigException ex)
            {
                ThrowTerminatingError(ConfigErrorRecords.From(ex));
            }
            finally
            {
                Clear(passPhrase);
                Clear(privateKey);
            }
        }

        private string Describe(OciSessionOptions options)
        {
            var environment = ProcessEnvironment.Instance;
            if (options.ApiKey != null)
            {
                return $"Signing with the API key given in {options.ApiKey.KeySource}; no config file is read.";
            }

            var kind = AuthType ?? environment.GetVariable(AuthenticationKindNames.CliVariable);
            if (kind != null)
            {
                return $"Signing in as {kind} ({(AuthType != null ? "-AuthType" : AuthenticationKindNames.CliVariable)}).";
            }

            return $"Reading profile [{ConfigFileLocator.ResolveProfile(Profile, environment)}] from '{ConfigFileLocator.ResolvePath(options.ConfigFile, environment)}' (unless the OCI CLI's variables hold a whole API key).";
        }

        private static void Clear(char[]? chars)
        {
            if (chars != null)
            {
                Array.Clear(chars, 0, chars.Length);
            }
        }

        private static string EndpointText(object? value) =>
            (value is PSObject wrapped ? wrapped.BaseObject : value) as string
            ?? throw new OciConfigException(OciConfigErrorKind.EndpointInvalid, $"An endpoint must be a URL, not a {value?.GetType().Name ?? "null"}.",
                "Give -Endpoint one URL, or a hashtable of region = URL.", setting: "endpoint");

        private void SetEndpoints(OciSessionOptions options)
        {
            switch (Endpoint is PSObject wrapped ? wrapped.BaseObject : Endpoint)
            {
                case null:
                    return;
                case IDictionary map:
                    var endpoints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    foreach (DictionaryEntry entry in map)
                    {
                        endpoints[EndpointText(entry.Key)] = EndpointText(entry.Value);
                    }

                    options.Endpoints = endpoints;
                    return;
                case var single:
                    options.Endpoint = EndpointText(single);
                    return;
            }
        }

        private static char[] ToChars(SecureString secure)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                var chars = new char[secure.Length];
                Marshal.Copy(pointer, chars, 0, chars.Length);
                return chars;
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }
    }
}
