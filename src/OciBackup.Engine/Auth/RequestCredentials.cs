using System;

namespace OciBackup.Engine.Auth
{
    /// <summary>What one request is signed with. The key id of a token contains the token, so it is never printed.</summary>
    internal sealed class RequestCredentials
    {
        /// <param name="delegationToken">Cloud Shell's delegation token, sent (and signed) as <c>opc-obo-token</c>; null for none.</param>
        public RequestCredentials(string keyId, RsaSigningKey key, string? delegationToken = null)
        {
            KeyId = keyId ?? throw new ArgumentNullException(nameof(keyId));
            Key = key ?? throw new ArgumentNullException(nameof(key));
            DelegationToken = delegationToken;
        }

        public string KeyId { get; }

        public RsaSigningKey Key { get; }

        /// <summary>The <c>opc-obo-token</c> value (a secret, like the key id of a token), or null.</summary>
        public string? DelegationToken { get; }

        /// <summary>The token inside a key id of the form <c>ST$token</c>, or null for an API key.</summary>
        public string? SecurityToken => KeyId.StartsWith("ST$", StringComparison.Ordinal) ? KeyId.Substring(3) : null;

        public override string ToString() => $"RequestCredentials (key {Key.Fingerprint})";
    }
}
