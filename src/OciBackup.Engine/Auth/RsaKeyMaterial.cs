using System;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Crypto.Parameters;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// The numbers of an RSA private key as BouncyCastle's ASN.1 classes read them, kept as parsed.
    /// Deliberately not a <see cref="RsaPrivateCrtKeyParameters"/>: BouncyCastle 2 proves the modulus
    /// composite with a Miller-Rabin test whenever one is constructed, some 40 ms of arithmetic per key
    /// (more before it is compiled), a check meant for public keys received from others, not for the
    /// user's own key. The platform's RSA import checks the key instead; the BouncyCastle parameters are
    /// built only when the platform cannot sign.
    /// </summary>
    internal sealed class RsaKeyMaterial
    {
        private RsaKeyMaterial(BigInteger modulus, BigInteger publicExponent, BigInteger privateExponent, BigInteger p, BigInteger q,
            BigInteger dp, BigInteger dq, BigInteger qInverse)
        {
            Modulus = modulus;
            PublicExponent = publicExponent;
            PrivateExponent = privateExponent;
            P = p;
            Q = q;
            DP = dp;
            DQ = dq;
            QInverse = qInverse;
        }

        public BigInteger Modulus { get; }

        public BigInteger PublicExponent { get; }

        public BigInteger PrivateExponent { get; }

        public BigInteger P { get; }

        public BigInteger Q { get; }

        public BigInteger DP { get; }

        public BigInteger DQ { get; }

        public BigInteger QInverse { get; }

        public int KeySizeInBits => Modulus.BitLength;

        /// <summary>A PKCS#1 RSAPrivateKey, as found in <c>RSA PRIVATE KEY</c> blocks and inside PKCS#8.</summary>
        public static RsaKeyMaterial From(RsaPrivateKeyStructure key)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            var material = new RsaKeyMaterial(key.Modulus, key.PublicExponent, key.PrivateExponent, key.Prime1, key.Prime2, key.Exponent1, key.Exponent2, key.Coefficient);
            material.CheckShape();
            return material;
        }

        /// <summary>A key BouncyCastle's PEM reader has already built (the legacy-encrypted PKCS#1 form).</summary>
        public static RsaKeyMaterial From(RsaPrivateCrtKeyParameters key)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            return new RsaKeyMaterial(key.Modulus, key.PublicExponent, key.Exponent, key.P, key.Q, key.DP, key.DQ, key.QInv);
        }

        /// <summary>A key the platform generated (a session key): all CRT parameters, as exported.</summary>
        public static RsaKeyMaterial From(System.Security.Cryptography.RSAParameters key)
        {
            BigInteger Number(byte[]? bytes, string name) =>
                bytes is null || bytes.Length == 0 ? throw new ArgumentException($"The RSA parameters lack {name}.") : new BigInteger(1, bytes);

            var material = new RsaKeyMaterial(Number(key.Modulus, "the modulus"), Number(key.Exponent, "the public exponent"), Number(key.D, "D"),
                Number(key.P, "P"), Number(key.Q, "Q"), Number(key.DP, "DP"), Number(key.DQ, "DQ"), Number(key.InverseQ, "InverseQ"));
            material.CheckShape();
            return material;
        }

        /// <summary>The public half as DER SubjectPublicKeyInfo, as the federation endpoint wants a session key.</summary>
        public byte[] PublicKeyInfo() =>
            new Org.BouncyCastle.Asn1.X509.SubjectPublicKeyInfo(
                new Org.BouncyCastle.Asn1.X509.AlgorithmIdentifier(PkcsObjectIdentifiers.RsaEncryption, Org.BouncyCastle.Asn1.DerNull.Instance),
                new Org.BouncyCastle.Asn1.X509.RsaPublicKeyStructure(Modulus, PublicExponent)).GetDerEncoded();

        /// <summary>
        /// The BouncyCastle form, for the fallback signer. Constructing it runs BouncyCastle's own key
        /// validation, which throws <see cref="ArgumentException"/> for a key it rejects.
        /// </summary>
        public RsaPrivateCrtKeyParameters ToBouncyCastle() =>
            new RsaPrivateCrtKeyParameters(Modulus, PublicExponent, PrivateExponent, P, Q, DP, DQ, QInverse);

        // The cheap checks every RSA implementation relies on; the expensive ones belong to whoever imports
        // the key for signing.
        private void CheckShape()
        {
            if (Modulus.SignValue <= 0 || !Modulus.TestBit(0) || Modulus.BitLength < 512)
            {
                throw new ArgumentException("The RSA modulus is not an odd number of at least 512 bits.");
            }

            if (PublicExponent.SignValue <= 0 || !PublicExponent.TestBit(0) || PublicExponent.CompareTo(Modulus) >= 0)
            {
                throw new ArgumentException("The RSA public exponent is not an odd number below the modulus.");
            }

            foreach (var value in new[] { PrivateExponent, P, Q, DP, DQ, QInverse })
            {
                if (value.SignValue <= 0 || value.CompareTo(Modulus) >= 0)
                {
                    throw new ArgumentException("An RSA private key value is out of range.");
                }
            }

            if (!P.Multiply(Q).Equals(Modulus))
            {
                throw new ArgumentException("The RSA primes do not multiply to the modulus.");
            }
        }
    }
}
