using System;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// An instance principal acting for a user, as in Cloud Shell: the inner provider signs, and every request also
    /// carries the user's delegation token as <c>opc-obo-token</c>, which is signed with the rest (it is appended to
    /// the signed header list, as Oracle's SDKs do). The token file is read again whenever it changes.
    /// </summary>
    internal sealed class DelegationTokenAuthenticationProvider : IAuthenticationProvider
    {
        public const string FileVariable = "OCI_CLI_DELEGATION_TOKEN_FILE";
        public const string FileSetting = "delegation_token_file";

        private readonly IAuthenticationProvider _inner;
        private readonly WatchedTextFile _tokenFile;
        private readonly string _source;
        private readonly object _gate = new object();
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<RequestCredentials, RequestCredentials> _innerOf =
            new System.Runtime.CompilerServices.ConditionalWeakTable<RequestCredentials, RequestCredentials>();

        private Combined? _last;

        /// <param name="source">Where the file was named (<c>OCI_CLI_DELEGATION_TOKEN_FILE</c>, or the profile's setting), for messages.</param>
        public DelegationTokenAuthenticationProvider(IAuthenticationProvider inner, WatchedTextFile tokenFile, string source)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            _tokenFile = tokenFile ?? throw new ArgumentNullException(nameof(tokenFile));
            _source = source ?? throw new ArgumentNullException(nameof(source));
            ReadToken(force: false);
        }

        public AuthenticationKind Kind => AuthenticationKind.DelegationToken;

        public string? TenancyId => _inner.TenancyId;

        public string? UserId => _inner.UserId;

        public string Fingerprint => _inner.Fingerprint;

        public IAuthenticationProvider Inner => _inner;

        public async Task<RequestCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
        {
            var inner = await _inner.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            var token = ReadToken(force: false);
            lock (_gate)
            {
                if (_last == null || !ReferenceEquals(_last.Inner, inner) || !string.Equals(_last.Token, token, StringComparison.Ordinal))
                {
                    _last = new Combined(inner, token);
                    _innerOf.Add(_last.Credentials, inner);
                }

                return _last.Credentials;
            }
        }

        /// <remarks>
        /// The service does not say which token it refused, so both are looked at: the delegation token file is read
        /// again, and the inner provider renews its token if it is still the one refused (once, however many ask).
        /// </remarks>
        public async Task<bool> RefreshAfterRejectionAsync(RequestCredentials rejected, CancellationToken cancellationToken)
        {
            var delegationChanged = !string.Equals(ReadToken(force: true), rejected.DelegationToken, StringComparison.Ordinal);
            var inner = _innerOf.TryGetValue(rejected, out var signedWith) ? signedWith : rejected;
            var innerRenewed = await _inner.RefreshAfterRejectionAsync(inner, cancellationToken).ConfigureAwait(false);
            return delegationChanged || innerRenewed;
        }

        public void Dispose() => _inner.Dispose();

        public override string ToString() => "delegation token over " + _inner;

        private string ReadToken(bool force)
        {
            string token;
            string? problem = null;
            try
            {
                token = _tokenFile.Read(force, out _);
                if (token.Length == 0)
                {
                    problem = "is empty";
                }
            }
            catch (Exception ex) when (FileReadErrors.IsReadFailure(ex))
            {
                token = string.Empty;
                problem = ex is System.IO.FileNotFoundException || ex is System.IO.DirectoryNotFoundException ? "does not exist" : $"could not be read ({ex.GetType().Name})";
            }

            if (problem != null)
            {
                throw new OciConfigException(
                    OciConfigErrorKind.DelegationTokenUnreadable,
                    $"The delegation token file '{_tokenFile.Path}' named by {_source} {problem}.",
                    "In Cloud Shell the file is kept current for you: open a new Cloud Shell session. Elsewhere, point OCI_CLI_DELEGATION_TOKEN_FILE or delegation_token_file at a readable token file.",
                    setting: _source);
            }

            return token;
        }

        private sealed class Combined
        {
            public Combined(RequestCredentials inner, string token)
            {
                Inner = inner;
                Token = token;
                Credentials = new RequestCredentials(inner.KeyId, inner.Key, token);
            }

            public RequestCredentials Inner { get; }

            public string Token { get; }

            public RequestCredentials Credentials { get; }
        }
    }
}
