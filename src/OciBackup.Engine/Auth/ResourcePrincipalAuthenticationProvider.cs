using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// A resource's identity (OCI Functions and other services), version 2.2 as Oracle's SDKs read it: the resource
    /// principal session token (RPST) and its private key come from environment variables, each either the value
    /// itself or an absolute path to a file that an agent rewrites. Requests carry keyId <c>ST$&lt;rpst&gt;</c> and are
    /// signed with that key. Files are read again when they change, when the token has expired, and after a 401.
    /// </summary>
    internal sealed class ResourcePrincipalAuthenticationProvider : IAuthenticationProvider
    {
        public const string VersionVariable = "OCI_RESOURCE_PRINCIPAL_VERSION";
        public const string TokenVariable = "OCI_RESOURCE_PRINCIPAL_RPST";
        public const string KeyVariable = "OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM";
        public const string PassPhraseVariable = "OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM_PASSPHRASE";
        public const string RegionVariable = "OCI_RESOURCE_PRINCIPAL_REGION";
        public const string SupportedVersion = "2.2";

        private readonly string? _literalToken;
        private readonly WatchedTextFile? _tokenFile;
        private readonly WatchedTextFile? _keyFile;
        private readonly WatchedTextFile? _passPhraseFile;
        private readonly IClock _clock;
        private readonly object _gate = new object();
        private readonly List<RsaSigningKey> _retiredKeys = new List<RsaSigningKey>();
        private SecurityTokenCredentials _state;

        private ResourcePrincipalAuthenticationProvider(string? literalToken, WatchedTextFile? tokenFile, RsaSigningKey key, WatchedTextFile? keyFile,
            WatchedTextFile? passPhraseFile, string region, IClock clock)
        {
            _literalToken = literalToken;
            _tokenFile = tokenFile;
            _keyFile = keyFile;
            _passPhraseFile = passPhraseFile;
            _clock = clock;
            Region = region;
            _state = new SecurityTokenCredentials(literalToken ?? ReadFile(tokenFile!, TokenVariable, force: false), key);
        }

        public AuthenticationKind Kind => AuthenticationKind.ResourcePrincipal;

        public string? TenancyId => Volatile.Read(ref _state).Claims.Get("res_tenant");

        /// <summary>The resource's compartment (the <c>res_compartment</c> claim).</summary>
        public string? CompartmentId => Volatile.Read(ref _state).Claims.Get("res_compartment");

        public string? UserId => null;

        public string Fingerprint => Volatile.Read(ref _state).Credentials.Key.Fingerprint;

        /// <summary>The region <c>OCI_RESOURCE_PRINCIPAL_REGION</c> names (an id or a short code).</summary>
        public string Region { get; }

        /// <summary>Times the token was read from its file.</summary>
        public int TokenReads => _tokenFile?.Reads ?? 0;

        /// <summary>Reads the variables, the key and the token; every problem is an <see cref="OciConfigException"/> naming the variable.</summary>
        public static ResourcePrincipalAuthenticationProvider FromEnvironment(IProcessEnvironment environment, IClock clock)
        {
            var version = Require(environment, VersionVariable, "which resource principal version the environment provides");
            if (!string.Equals(version.Trim(), SupportedVersion, StringComparison.Ordinal))
            {
                throw new OciConfigException(
                    OciConfigErrorKind.AuthTypeInvalid,
                    $"{VersionVariable} is '{version}'; OciBackup supports resource principal version {SupportedVersion} (as Oracle's .NET SDK does), not 1.1, 2.1 or 3.0.",
                    "Run where the service provides resource principal 2.2 (OCI Functions does), or sign in another way.",
                    setting: VersionVariable);
            }

            var token = Require(environment, TokenVariable, "the resource principal session token (or the path of its file)");
            var key = Require(environment, KeyVariable, "the resource principal's private key PEM (or the path of its file)");
            var region = Require(environment, RegionVariable, "the region the resource runs in");
            var passPhrase = environment.GetVariable(PassPhraseVariable);

            var tokenFile = IsPath(token) ? new WatchedTextFile(token.Trim(), environment) : null;
            WatchedTextFile? keyFile = null;
            WatchedTextFile? passPhraseFile = null;
            RsaSigningKey signingKey;
            if (IsPath(key))
            {
                if (passPhrase != null && !IsPath(passPhrase))
                {
                    throw new OciConfigException(
                        OciConfigErrorKind.InvalidSetting,
                        $"{KeyVariable} is a path but {PassPhraseVariable} is not: when the key comes from a file, its pass phrase must come from a file too (as Oracle's SDKs require).",
                        $"Set {PassPhraseVariable} to the absolute path of a file holding the pass phrase, or give the key itself in {KeyVariable}.",
                        setting: PassPhraseVariable);
                }

                keyFile = new WatchedTextFile(key.Trim(), environment);
                passPhraseFile = passPhrase == null ? null : new WatchedTextFile(passPhrase.Trim(), environment);
                signingKey = ReadKey(keyFile, passPhraseFile, force: false);
            }
            else
            {
                signingKey = ReadLiteralKey(key, passPhrase);
            }

            try
            {
                var provider = new ResourcePrincipalAuthenticationProvider(tokenFile == null ? token.Trim() : null, tokenFile, signingKey, keyFile, passPhraseFile, region.Trim(), clock);
                provider.Current(force: false);
                return provider;
            }
            catch
            {
                signingKey.Dispose();
                throw;
            }
        }

        public Task<RequestCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
            Task.FromResult(Current(force: false).Credentials);

        public Task<bool> RefreshAfterRejectionAsync(RequestCredentials rejected, CancellationToken cancellationToken)
        {
            if (_tokenFile == null && _keyFile == null)
            {
                return Task.FromResult(false);
            }

            var state = Current(force: true);
            return Task.FromResult(!ReferenceEquals(state.Credentials, rejected)
                && (state.Credentials.KeyId != rejected.KeyId || !ReferenceEquals(state.Credentials.Key, rejected.Key)));
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _state.Credentials.Key.Dispose();
                foreach (var key in _retiredKeys)
                {
                    key.Dispose();
                }
            }
        }

        public override string ToString() => $"resource principal of {TenancyId} signed with key {Fingerprint}";

        /// <summary>Absolute paths are files to read; anything else is the value itself (Oracle's SDKs decide the same way).</summary>
        internal static bool IsPath(string value)
        {
            var text = value.Trim();
            if (text.IndexOf('\n') >= 0 || text.StartsWith("-----", StringComparison.Ordinal))
            {
                return false;
            }

            try
            {
                return Path.IsPathRooted(text) && (text.StartsWith("/", StringComparison.Ordinal) || text.StartsWith("\\\\", StringComparison.Ordinal) || (text.Length > 2 && text[1] == ':'));
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private SecurityTokenCredentials Current(bool force)
        {
            var state = Volatile.Read(ref _state);
            var expired = state.Claims.IsExpiredAt(_clock.UtcNow);
            var filesChanged = (_tokenFile?.HasChanged ?? false) || (_keyFile?.HasChanged ?? false);
            if ((force || expired || filesChanged) && (_tokenFile != null || _keyFile != null))
            {
                lock (_gate)
                {
                    var token = _literalToken ?? ReadFile(_tokenFile!, TokenVariable, force || expired);
                    var key = _state.Credentials.Key;
                    if (_keyFile != null && (force || _keyFile.HasChanged))
                    {
                        var read = ReadKey(_keyFile, _passPhraseFile, force);
                        if (string.Equals(read.Fingerprint, key.Fingerprint, StringComparison.Ordinal))
                        {
                            read.Dispose();
                        }
                        else
                        {
                            _retiredKeys.Add(key);
                            key = read;
                        }
                    }

                    if (!string.Equals(token, _state.Token, StringComparison.Ordinal) || !ReferenceEquals(key, _state.Credentials.Key))
                    {
                        _state = new SecurityTokenCredentials(token, key);
                    }

                    state = _state;
                }
            }

            if (state.Claims.ExpiresAt is DateTimeOffset expires && _clock.UtcNow >= expires)
            {
                throw new OciConfigException(
                    OciConfigErrorKind.ResourcePrincipalTokenExpired,
                    _tokenFile == null
                        ? $"The resource principal session token in {TokenVariable} expired at {expires.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, and a token given as a value cannot be renewed."
                        : $"The resource principal session token in '{_tokenFile.Path}' ({TokenVariable}) expired at {expires.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC and has not been replaced.",
                    _tokenFile == null
                        ? $"For long runs, set {TokenVariable} to the path of the token file the service keeps current."
                        : "The service's agent rewrites the file before the token expires; check that it is running, then try again.",
                    setting: TokenVariable);
            }

            return state;
        }

        private static string Require(IProcessEnvironment environment, string variable, string what) =>
            environment.GetVariable(variable) ?? throw new OciConfigException(
                OciConfigErrorKind.MissingSetting,
                $"The environment variable {variable} is not set; resource principals need it for {what}.",
                "Resource principals work where an OCI service provides them (OCI Functions, Data Science, ...). Elsewhere, sign in another way: a config profile, an API key or -AuthType InstancePrincipal.",
                setting: variable);

        private static string ReadFile(WatchedTextFile file, string variable, bool force)
        {
            string? problem;
            try
            {
                var text = file.Read(force, out _);
                if (text.Length > 0)
                {
                    return text;
                }

                problem = "is empty";
            }
            catch (Exception ex) when (FileReadErrors.IsReadFailure(ex))
            {
                problem = ex is FileNotFoundException || ex is DirectoryNotFoundException ? "does not exist" : $"could not be read ({ex.GetType().Name})";
            }

            throw new OciConfigException(
                variable == KeyVariable ? OciConfigErrorKind.KeyFileUnreadable : OciConfigErrorKind.SessionTokenUnreadable,
                $"The file '{file.Path}' named by {variable} {problem}.",
                "Check that the service's resource principal files are in place and readable by this process.",
                setting: variable);
        }

        private static RsaSigningKey ReadKey(WatchedTextFile keyFile, WatchedTextFile? passPhraseFile, bool force)
        {
            var pem = ReadFile(keyFile, KeyVariable, force);
            var passPhrase = passPhraseFile == null ? null : ReadFile(passPhraseFile, PassPhraseVariable, force).ToCharArray();
            try
            {
                return PrivateKeyReader.Read(pem, passPhrase, keyFile.Path);
            }
            finally
            {
                if (passPhrase != null)
                {
                    Array.Clear(passPhrase, 0, passPhrase.Length);
                }
            }
        }

        private static RsaSigningKey ReadLiteralKey(string pem, string? passPhrase)
        {
            var chars = passPhrase?.ToCharArray();
            try
            {
                return PrivateKeyReader.Read(PemText.Normalize(pem), chars, KeyVariable, literal: true);
            }
            finally
            {
                if (chars != null)
                {
                    Array.Clear(chars, 0, chars.Length);
                }
            }
        }
    }
}
