using System;
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

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Endpoint { get; set; }

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
                    Endpoint = Endpoint,
                    PassPhrase = passPhrase,
                    Timeout = TimeSpan.FromSeconds(TimeoutSec),
                    HostDescription = OciCmdlet.HostDescription(this),
                    RetryPolicy = NoRetry ? RetryPolicy.None : RetryPolicy.Default.WithLimits(MaxAttempts, MaxRetryTime),
                };
                WriteVerbose($"Reading profile [{ConfigFileLocator.ResolveProfile(Profile, ProcessEnvironment.Instance)}] from '{ConfigFileLocator.ResolvePath(options.ConfigFile, ProcessEnvironment.Instance)}'.");
                var session = OciSession.Create(options);
                WriteVerbose($"Session for region {session.Region ?? "(none)"} at {session.Endpoint.GetLeftPart(UriPartial.Authority)}, {session.AuthenticationKind} with key {session.Fingerprint}.");
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
