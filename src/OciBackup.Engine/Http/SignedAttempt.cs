using System;
using System.Collections.Generic;

namespace OciBackup.Engine.Http
{
    /// <summary>One signed attempt: the credentials it was signed with (for a renewal after 401) and the secrets it put on the wire.</summary>
    internal sealed class SignedAttempt
    {
        private readonly Func<IEnumerable<string?>> _secrets;

        /// <param name="credentials">What the signing step signed with; only that step looks inside.</param>
        /// <param name="secrets">The values on the request that must never be shown (Authorization, signature, tokens); asked only when something is traced or fails.</param>
        public SignedAttempt(object credentials, Func<IEnumerable<string?>> secrets)
        {
            Credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
            _secrets = secrets ?? throw new ArgumentNullException(nameof(secrets));
        }

        public object Credentials { get; }

        public IEnumerable<string?> Secrets() => _secrets();
    }
}
