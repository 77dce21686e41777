using System;
using System.Security.Cryptography;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// A fresh RSA key pair for a token issued by the federation endpoint: the public half goes into the
    /// federation request, the private half signs every request made with the token. Made again on every
    /// renewal, never written anywhere.
    /// </summary>
    internal sealed class SessionKey
    {
        public const int KeySizeInBits = 2048;

        public SessionKey(RsaSigningKey signingKey, byte[] publicKeyInfo)
        {
            SigningKey = signingKey ?? throw new ArgumentNullException(nameof(signingKey));
            PublicKeyInfo = publicKeyInfo ?? throw new ArgumentNullException(nameof(publicKeyInfo));
        }

        public RsaSigningKey SigningKey { get; }

        /// <summary>DER SubjectPublicKeyInfo of the public half.</summary>
        public byte[] PublicKeyInfo { get; }

        /// <summary>A new 2048-bit key from the platform's RSA (as Oracle's Go SDK makes them).</summary>
        public static SessionKey Generate()
        {
            using var rsa = RSA.Create();
            rsa.KeySize = KeySizeInBits;
            var parameters = rsa.ExportParameters(includePrivateParameters: true);
            try
            {
                var material = RsaKeyMaterial.From(parameters);
                return new SessionKey(new RsaSigningKey(material), material.PublicKeyInfo());
            }
            finally
            {
                Clear(parameters.D);
                Clear(parameters.P);
                Clear(parameters.Q);
                Clear(parameters.DP);
                Clear(parameters.DQ);
                Clear(parameters.InverseQ);
            }
        }

        public override string ToString() => "session key " + SigningKey.Fingerprint;

        private static void Clear(byte[]? bytes)
        {
            if (bytes != null)
            {
                Array.Clear(bytes, 0, bytes.Length);
            }
        }
    }
}
