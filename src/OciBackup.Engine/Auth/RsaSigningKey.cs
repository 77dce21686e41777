using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// An RSA private key that signs with RSASSA-PKCS1-v1_5 / SHA-256. BouncyCastle parses the key;
    /// signing goes to the platform's RSA with all CRT parameters (about ten times faster than a
    /// key rebuilt from modulus and exponent alone), falling back to BouncyCastle where the
    /// platform's RSA is unavailable or refuses the key. Thread-safe: each concurrent signature uses
    /// its own RSA instance.
    /// </summary>
    internal sealed class RsaSigningKey : IDisposable
    {
        private readonly RsaPrivateCrtKeyParameters? _fallbackKey;
        private readonly RSAParameters? _platformParameters;
        private readonly ConcurrentBag<RSA> _pool = new ConcurrentBag<RSA>();
        private volatile bool _disposed;

        /// <exception cref="ArgumentException">Neither the platform nor BouncyCastle accepts the key.</exception>
        internal RsaSigningKey(RsaKeyMaterial key, bool preferPlatformRsa = true)
        {
            KeySizeInBits = key.KeySizeInBits;
            Fingerprint = ComputeFingerprint(key.Modulus, key.PublicExponent);
            _platformParameters = preferPlatformRsa ? TryCreatePlatformKey(key, _pool) : null;
            if (!_platformParameters.HasValue)
            {
                // Built now rather than at the first signature, so a key BouncyCastle rejects fails while
                // the key file is being read, where the error can name it.
                _fallbackKey = key.ToBouncyCastle();
            }
        }

        /// <summary>MD5 of the DER SubjectPublicKeyInfo, lower-case hex pairs joined by ':' (what OCI shows for an API key).</summary>
        public string Fingerprint { get; }

        public int KeySizeInBits { get; }

        /// <summary>True when signatures come from the platform's RSA rather than the BouncyCastle fallback.</summary>
        public bool UsesPlatformRsa => _platformParameters.HasValue;

        public byte[] SignSha256(byte[] data)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(RsaSigningKey));
            }

            if (!_platformParameters.HasValue)
            {
                var signer = new RsaDigestSigner(new Sha256Digest());
                signer.Init(true, _fallbackKey);
                signer.BlockUpdate(data, 0, data.Length);
                return signer.GenerateSignature();
            }

            if (!_pool.TryTake(out var rsa))
            {
                rsa = RSA.Create();
                rsa.ImportParameters(_platformParameters.Value);
            }

            try
            {
                return rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }
            finally
            {
                if (_disposed)
                {
                    rsa.Dispose();
                }
                else
                {
                    _pool.Add(rsa);
                }
            }
        }

        public void Dispose()
        {
            _disposed = true;
            while (_pool.TryTake(out var rsa))
            {
                rsa.Dispose();
            }
        }

        public override string ToString() => $"RSA {KeySizeInBits}-bit key {Fingerprint}";

        internal static string ComputeFingerprint(Org.BouncyCastle.Math.BigInteger modulus, Org.BouncyCastle.Math.BigInteger publicExponent)
        {
            // The SubjectPublicKeyInfo OpenSSL and the OCI console hash, built from its parts: going through
            // RsaKeyParameters would repeat BouncyCastle's costly modulus check for a key already read.
            var algorithm = new AlgorithmIdentifier(PkcsObjectIdentifiers.RsaEncryption, DerNull.Instance);
            var der = new SubjectPublicKeyInfo(algorithm, new RsaPublicKeyStructure(modulus, publicExponent)).GetDerEncoded();
            // BouncyCastle's MD5 rather than the platform's: the platform refuses MD5 under FIPS policy.
            var md5 = new MD5Digest();
            md5.BlockUpdate(der, 0, der.Length);
            var hash = new byte[md5.GetDigestSize()];
            md5.DoFinal(hash, 0);
            var chars = new char[hash.Length * 3 - 1];
            const string hex = "0123456789abcdef";
            for (var i = 0; i < hash.Length; i++)
            {
                if (i > 0)
                {
                    chars[i * 3 - 1] = ':';
                }

                chars[i * 3] = hex[hash[i] >> 4];
                chars[i * 3 + 1] = hex[hash[i] & 0xF];
            }

            return new string(chars);
        }

        private static RSAParameters? TryCreatePlatformKey(RsaKeyMaterial crt, ConcurrentBag<RSA> pool)
        {
            var modulusLength = (crt.Modulus.BitLength + 7) / 8;
            var halfLength = (modulusLength + 1) / 2;
            var parameters = new RSAParameters
            {
                Modulus = Unsigned(crt.Modulus, modulusLength),
                Exponent = crt.PublicExponent.ToByteArrayUnsigned(),
                D = Unsigned(crt.PrivateExponent, modulusLength),
                P = Unsigned(crt.P, halfLength),
                Q = Unsigned(crt.Q, halfLength),
                DP = Unsigned(crt.DP, halfLength),
                DQ = Unsigned(crt.DQ, halfLength),
                InverseQ = Unsigned(crt.QInverse, halfLength),
            };

            try
            {
                var rsa = RSA.Create();
                rsa.ImportParameters(parameters);
                pool.Add(rsa);
                return parameters;
            }
            catch (Exception ex) when (ex is CryptographicException || ex is PlatformNotSupportedException || ex is ArgumentException)
            {
                return null;
            }
        }

        /// <summary>Big-endian unsigned bytes, left-padded to the length the platform's RSA import insists on.</summary>
        private static byte[]? Unsigned(Org.BouncyCastle.Math.BigInteger value, int length)
        {
            var bytes = value.ToByteArrayUnsigned();
            if (bytes.Length == length)
            {
                return bytes;
            }

            if (bytes.Length > length)
            {
                return null;
            }

            var padded = new byte[length];
            Buffer.BlockCopy(bytes, 0, padded, length - bytes.Length, bytes.Length);
            return padded;
        }
    }
}
