using System;

namespace OciBackup.Engine.Auth
{
    /// <summary>What one request is signed with. The key id of a session token contains the token, so it is never printed.</summary>
    internal sealed class RequestCredentials
    {
        public RequestCredentials(string keyId, RsaSigningKey key)
        {
            KeyId = keyId ?? throw new ArgumentNullException(nameof(keyId));
            Key = key ?? throw new ArgumentNullException(nameof(key));
        }

        public string KeyId { get; }

        public RsaSigningKey Key { get; }

        public override string ToString() => $"RequestCredentials (key {Key.Fingerprint})";
    }
}
