using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// A session token (<c>oci session authenticate</c>): requests carry keyId <c>ST$&lt;token&gt;</c>. The token
    /// file is read again whenever it changes, so <c>oci session refresh</c> in another window carries a running
    /// session on; a token past its <c>exp</c> claim is refused before any request, with the command that renews it.
    /// </summary>
    internal sealed class SessionTokenAuthenticationProvider : IAuthenticationProvider
    {
        private readonly WatchedTextFile? _tokenFile;
        private readonly WatchedTextFile? _keyFile;
        private readonly IClock _clock;
        private readonly TokenFileContext _context;
        private readonly object _gate = new object();
        private readonly List<RsaSigningKey> _retiredKeys = new List<RsaSigningKey>();
        private RsaSigningKey _key;
        private SecurityTokenCredentials _state;

        /// <summary>A token given as text (it never changes).</summary>
        /// <param name="token">The token as read; surrounding whitespace is removed (the .NET SDK fails on a trailing newline).</param>
        public SessionTokenAuthenticationProvider(string token, RsaSigningKey key, string? tenancyId, IClock? clock = null)
        {
            if (token == null)
            {
                throw new ArgumentNullException(nameof(token));
            }

            _key = key ?? throw new ArgumentNullException(nameof(key));
            _clock = clock ?? SystemClock.Instance;
            _context = TokenFileContext.Literal;
            TenancyId = tenancyId;
            var trimmed = token.Trim();
            if (trimmed.Length == 0)
            {
                throw new ArgumentException("The session token is empty.", nameof(token));
            }

            _state = new SecurityTokenCredentials(trimmed, key);
        }

        /// <summary>A token file (<c>security_token_file</c>), read now and again whenever it changes.</summary>
        /// <param name="keyFile">The session key's file, read again when it changes together with the token (after a new <c>oci session authenticate</c>); null to keep the key.</param>
        public SessionTokenAuthenticationProvider(WatchedTextFile tokenFile, RsaSigningKey key, WatchedTextFile? keyFile, string? tenancyId, IClock clock, TokenFileContext context)
        {
            _tokenFile = tokenFile ?? throw new ArgumentNullException(nameof(tokenFile));
            _keyFile = keyFile;
            _key = key ?? throw new ArgumentNullException(nameof(key));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _context = context ?? throw new ArgumentNullException(nameof(context));
            TenancyId = tenancyId;
            _state = new SecurityTokenCredentials(ReadToken(force: false), key);
            _keyFile?.Read(force: false, out _);
        }

        public AuthenticationKind Kind => AuthenticationKind.SessionToken;

        public string? TenancyId { get; }

        public string? UserId => null;

        public string Fingerprint => Volatile.Read(ref _state).Credentials.Key.Fingerprint;

        /// <summary>When the current token expires (its exp claim), if it says.</summary>
        public DateTimeOffset? ExpiresAt => Volatile.Read(ref _state).Claims.ExpiresAt;

        /// <summary>Fails when the token has expired: the request would only be refused.</summary>
        public void EnsureNotExpired() => Current(forceRead: false);

        public Task<RequestCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
            Task.FromResult(Current(forceRead: false).Credentials);

        public Task<bool> RefreshAfterRejectionAsync(RequestCredentials rejected, CancellationToken cancellationToken)
        {
            if (_tokenFile == null)
            {
                return Task.FromResult(false);
            }

            // Read even an unchanged stamp: a refresh within the file system's timestamp resolution keeps it.
            var state = Current(forceRead: true);
            return Task.FromResult(!ReferenceEquals(state.Credentials, rejected) && state.Credentials.KeyId != rejected.KeyId);
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _key.Dispose();
                foreach (var retired in _retiredKeys)
                {
                    retired.Dispose();
                }
            }
        }

        public override string ToString() => $"session token signed with key {Fingerprint}";

        private SecurityTokenCredentials Current(bool forceRead)
        {
            var state = Volatile.Read(ref _state);
            if (_tokenFile != null && (forceRead || _tokenFile.HasChanged || state.Claims.IsExpiredAt(_clock.UtcNow)))
            {
                lock (_gate)
                {
                    var token = ReadToken(forceRead || state.Claims.IsExpiredAt(_clock.UtcNow));
                    if (!string.Equals(token, _state.Token, StringComparison.Ordinal))
                    {
                        _state = new SecurityTokenCredentials(token, ReadKeyIfChanged());
                    }

                    state = _state;
                }
            }

            if (state.Claims.ExpiresAt is DateTimeOffset expires && _clock.UtcNow >= expires)
            {
                throw _context.Expired(expires, _tokenFile?.Path);
            }

            return state;
        }

        private string ReadToken(bool force)
        {
            try
            {
                var token = _tokenFile!.Read(force, out _);
                if (token.Length == 0)
                {
                    throw _context.Unreadable(_tokenFile.Path, "is empty");
                }

                return token;
            }
            catch (Exception ex) when (FileReadErrors.IsReadFailure(ex))
            {
                throw _context.Unreadable(_tokenFile!.Path, ex is System.IO.FileNotFoundException || ex is System.IO.DirectoryNotFoundException ? "does not exist" : $"could not be read ({ex.GetType().Name})");
            }
        }

        private RsaSigningKey ReadKeyIfChanged()
        {
            if (_keyFile == null || !_keyFile.HasChanged)
            {
                return _key;
            }

            string pem;
            try
            {
                pem = _keyFile.Read(force: false, out var changed);
                if (!changed)
                {
                    return _key;
                }
            }
            catch (Exception ex) when (FileReadErrors.IsReadFailure(ex))
            {
                // The key file is being rewritten or is gone; the token that just changed will tell with a 401.
                return _key;
            }

            var key = PrivateKeyReader.Read(pem, null, _keyFile.Path);
            _retiredKeys.Add(_key);
            _key = key;
            return key;
        }
    }
}
