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
    /// <para type="synopsis">Builds an OCI session (signing key, region, endpoint) from your OCI config file.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OciSession")]
    [OutputType(typeof(OciSession))]
    public sealed class NewOciSessionCommand : PSCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? Profile { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ConfigFile { get; set; }

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
            try
            {
                var options = new OciSessionOptions
                {
                    Profile = Profile,
                    ConfigFile = ConfigFile == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(ConfigFile),
                    Region = Region,
                    PassPhrase = passPhrase,
                    Timeout = TimeSpan.FromSeconds(TimeoutSec),
                    HostDescription = OciCmdlet.HostDescription(this),
                    RetryPolicy = NoRetry ? RetryPolicy.None : RetryPolicy.Default.WithLimits(MaxAttempts, MaxRetryTime),
                };
                SetEndpoints(options);
                WriteVerbose($"Reading profile [{ConfigFileLocator.ResolveProfile(Profile, ProcessEnvironment.Instance)}] from '{ConfigFileLocator.ResolvePath(options.ConfigFile, ProcessEnvironment.Instance)}'.");
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
                if (passPhrase != null)
                {
                    Array.Clear(passPhrase, 0, passPhrase.Length);
                }
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
