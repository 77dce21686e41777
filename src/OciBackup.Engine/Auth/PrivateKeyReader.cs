using System;
using System.IO;
using Org.BouncyCastle.Asn1.Misc;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// Reads an RSA private key from PEM text in every form OCI users have: PKCS#1
    /// (<c>RSA PRIVATE KEY</c>), PKCS#8 (<c>PRIVATE KEY</c>), legacy-encrypted PKCS#1
    /// (<c>Proc-Type: 4,ENCRYPTED</c>) and encrypted PKCS#8 (<c>ENCRYPTED PRIVATE KEY</c>).
    /// Every failure is an <see cref="OciConfigException"/> that names the source, never its content.
    /// </summary>
    internal static class PrivateKeyReader
    {
        private const int MaxPemObjects = 16;

        // A damaged or hostile file must not stall a session: OpenSSL writes 2048 PBKDF2 rounds and
        // scrypt at N=16384, r=8; anything far beyond is refused before the key derivation runs.
        private const int MaxIterations = 1_000_000;
        private const long MaxScryptBytes = 256L * 1024 * 1024;

        /// <param name="pem">The file's text.</param>
        /// <param name="passPhrase">The pass phrase for an encrypted key; ignored for a plain one. The caller keeps ownership and may clear it afterwards.</param>
        /// <param name="source">Where the key came from (a path), for messages.</param>
        /// <param name="context">Config file and profile the key belongs to, for messages; may be null.</param>
        /// <param name="literal">The PEM was given as a value (a parameter or variable that <paramref name="source"/> names), not read from a file.</param>
        public static RsaSigningKey Read(string pem, char[]? passPhrase, string source, ConfigProfile? context = null, bool literal = false)
        {
            var what = literal ? $"The key in {source}" : $"The key file '{source}'";
            var setting = literal ? source : "key_file";
            var header = PemHeaderOf(pem);
            if (header == null)
            {
                throw Fail(OciConfigErrorKind.KeyInvalid, $"{what} does not contain a PEM private key (no '-----BEGIN ... PRIVATE KEY-----' line).",
                    "Point key_file at the PEM private key whose public half you uploaded to OCI (for example ~/.oci/oci_api_key.pem).", context, setting);
            }

            if (header.IndexOf("PUBLIC KEY", StringComparison.Ordinal) >= 0 || header == "CERTIFICATE")
            {
                throw Fail(OciConfigErrorKind.KeyInvalid, $"{what} holds a {header}, not a private key.",
                    "key_file must name the private key; the public key is what you upload to the OCI console.", context, setting);
            }

            if (header == "OPENSSH PRIVATE KEY")
            {
                throw Fail(OciConfigErrorKind.KeyInvalid, $"{what} is in OpenSSH format, which OCI API signing does not use.",
                    "Convert it to PEM (ssh-keygen -p -m PEM -f <file>) or create an API key with 'oci setup keys'.", context, setting);
            }

            if (header != "RSA PRIVATE KEY" && header != "PRIVATE KEY" && header != "ENCRYPTED PRIVATE KEY")
            {
                var kind = IsPlainLabel(header) ? $"a '{header}'" : "an unrecognised PEM block";
                throw Fail(OciConfigErrorKind.KeyInvalid, $"{what} holds {kind}; OCI API keys are RSA private keys.",
                    "Create an RSA API key with 'oci setup keys' and upload its public half.", context, setting);
            }

            var encrypted = header == "ENCRYPTED PRIVATE KEY" || pem.IndexOf("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal) >= 0;
            if (encrypted && (passPhrase == null || passPhrase.Length == 0))
            {
                throw Fail(OciConfigErrorKind.PassPhraseRequired, $"{what} is encrypted and no pass phrase was given.",
                    "Give the pass phrase with -PassPhrase (a SecureString) or set pass_phrase in the profile.", context, setting);
            }

            if (header == "ENCRYPTED PRIVATE KEY")
            {
                var problem = KeyDerivationProblem(pem);
                if (problem != null)
                {
                    throw Fail(OciConfigErrorKind.KeyInvalid, $"{what} {problem}.",
                        "Re-encrypt the key with default settings (openssl pkcs8 -topk8 -v2 aes-256-cbc) or create a new API key.", context, setting);
                }
            }

            RsaKeyMaterial? material;
            try
            {
                material = ReadFirstPrivateKey(pem, encrypted ? passPhrase : null);
                if (material != null)
                {
                    return new RsaSigningKey(material);
                }
            }
            catch (Exception ex) when (!(ex is OciConfigException) && !(ex is OutOfMemoryException))
            {
                if (encrypted)
                {
                    throw Fail(OciConfigErrorKind.PassPhraseIncorrect, $"{what} could not be decrypted: the pass phrase is wrong or the file is damaged ({ex.GetType().Name}).",
                        "Check the pass phrase (-PassPhrase or pass_phrase in the profile) and that the file is the one you created.", context, setting);
                }

                throw Fail(OciConfigErrorKind.KeyInvalid, $"{what} is not a valid PEM RSA private key ({ex.GetType().Name}).",
                    "Check that the file is complete and unmodified, or create a new API key with 'oci setup keys'.", context, setting);
            }

            throw Fail(OciConfigErrorKind.KeyInvalid, $"{what} does not hold an RSA private key.",
                "OCI API keys are RSA keys: create one with 'oci setup keys'.", context, setting);
        }

        /// <summary>The label of the first PEM block (<c>RSA PRIVATE KEY</c>, ...), or null when there is none.</summary>
        internal static string? PemHeaderOf(string pem)
        {
            const string begin = "-----BEGIN ";
            var start = pem.IndexOf(begin, StringComparison.Ordinal);
            if (start < 0)
            {
                return null;
            }

            start += begin.Length;
            var end = pem.IndexOf("-----", start, StringComparison.Ordinal);
            var newline = pem.IndexOf('\n', start);
            if (end < 0 || (newline >= 0 && newline < end) || end - start > 64)
            {
                return null;
            }

            return pem.Substring(start, end - start).Trim();
        }

        private static bool IsPlainLabel(string label)
        {
            foreach (var c in label)
            {
                if (!(c >= 'A' && c <= 'Z') && c != ' ' && !(c >= '0' && c <= '9'))
                {
                    return false;
                }
            }

            return label.Length > 0;
        }

        /// <summary>Why the encrypted PKCS#8 key's derivation would be unreasonably costly, or null when it is fine.</summary>
        private static string? KeyDerivationProblem(string pem)
        {
            try
            {
                using var text = new StringReader(pem);
                var block = new Org.BouncyCastle.Utilities.IO.Pem.PemReader(text).ReadPemObject();
                if (block == null)
                {
                    return null;
                }

                var algorithm = EncryptedPrivateKeyInfo.GetInstance(block.Content).EncryptionAlgorithm;
                if (algorithm.Algorithm.Equals(PkcsObjectIdentifiers.IdPbeS2))
                {
                    var kdf = PbeS2Parameters.GetInstance(algorithm.Parameters).KeyDerivationFunc;
                    if (kdf.Algorithm.Equals(PkcsObjectIdentifiers.IdPbkdf2))
                    {
                        return Rounds(Pbkdf2Params.GetInstance(kdf.Parameters).IterationCount);
                    }

                    if (kdf.Algorithm.Equals(MiscObjectIdentifiers.id_scrypt))
                    {
                        var scrypt = ScryptParams.GetInstance(kdf.Parameters);
                        var bytes = scrypt.CostParameter.Value.Multiply(scrypt.BlockSize.Value).Multiply(scrypt.ParallelizationParameter.Value).ShiftLeft(7);
                        return bytes.BitLength > 40 || bytes.LongValue > MaxScryptBytes ? "asks for scrypt parameters that would need more than 256 MiB" : null;
                    }

                    return null;
                }

                return Rounds(Pkcs12PbeParams.GetInstance(algorithm.Parameters).Iterations);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                // Not parseable here: the full reader will report it.
                return null;
            }
        }

        private static string? Rounds(Org.BouncyCastle.Math.BigInteger iterations) =>
            iterations.BitLength > 31 || iterations.IntValue > MaxIterations
                ? $"asks for more than {MaxIterations:N0} key-derivation rounds"
                : null;

        /// <summary>
        /// The first RSA private key among the file's PEM blocks, or null when the first private key found is
        /// not RSA or there is none. Every form is read as ASN.1 structures, legacy-encrypted ones (Proc-Type and
        /// DEK-Info headers) once <see cref="LegacyPemDecryption"/> has decrypted them; only a legacy cipher it
        /// does not handle goes through BouncyCastle's OpenSSL reader.
        /// </summary>
        private static RsaKeyMaterial? ReadFirstPrivateKey(string pem, char[]? passPhrase)
        {
            using var text = new StringReader(pem);
            var reader = new Org.BouncyCastle.Utilities.IO.Pem.PemReader(text);
            for (var i = 0; i < MaxPemObjects; i++)
            {
                var block = reader.ReadPemObject();
                if (block == null)
                {
                    return null;
                }

                switch (block.Type)
                {
                    case "RSA PRIVATE KEY" when block.Headers.Count > 0:
                        var plain = passPhrase == null ? null : LegacyPemDecryption.TryDecrypt(block, passPhrase);
                        return plain != null ? RsaKeyMaterial.From(RsaPrivateKeyStructure.GetInstance(plain)) : ReadLegacyEncrypted(pem, passPhrase);
                    case "RSA PRIVATE KEY":
                        return RsaKeyMaterial.From(RsaPrivateKeyStructure.GetInstance(block.Content));
                    case "PRIVATE KEY":
                        return FromPkcs8(PrivateKeyInfo.GetInstance(block.Content));
                    case "ENCRYPTED PRIVATE KEY":
                        var decrypted = PrivateKeyInfoFactory.CreatePrivateKeyInfo(
                            passPhrase ?? throw new InvalidOperationException("No pass phrase for an encrypted key."),
                            EncryptedPrivateKeyInfo.GetInstance(block.Content));
                        return FromPkcs8(decrypted);
                }
            }

            return null;
        }

        private static RsaKeyMaterial? FromPkcs8(PrivateKeyInfo info) =>
            info.PrivateKeyAlgorithm.Algorithm.Equals(PkcsObjectIdentifiers.RsaEncryption)
                ? RsaKeyMaterial.From(RsaPrivateKeyStructure.GetInstance(info.ParsePrivateKey()))
                : null;

        private static RsaKeyMaterial? ReadLegacyEncrypted(string pem, char[]? passPhrase)
        {
            using var text = new StringReader(pem);
            var reader = new PemReader(text, passPhrase == null ? null : new PassPhraseSource(passPhrase));
            for (var i = 0; i < MaxPemObjects; i++)
            {
                switch (reader.ReadObject())
                {
                    case null:
                        return null;
                    case AsymmetricCipherKeyPair pair:
                        return pair.Private is RsaPrivateCrtKeyParameters pairKey ? RsaKeyMaterial.From(pairKey) : null;
                    case RsaPrivateCrtKeyParameters key:
                        return RsaKeyMaterial.From(key);
                    case AsymmetricKeyParameter other when other.IsPrivate:
                        return null;
                }
            }

            return null;
        }

        private static OciConfigException Fail(OciConfigErrorKind kind, string message, string action, ConfigProfile? context, string setting) =>
            new OciConfigException(kind, context == null ? message : $"{message} (profile [{context.Name}] in '{context.ConfigFile}')", action,
                configFile: context?.ConfigFile, profile: context?.Name, setting: setting);

        private sealed class PassPhraseSource : IPasswordFinder
        {
            private readonly char[] _passPhrase;

            public PassPhraseSource(char[] passPhrase) => _passPhrase = passPhrase;

            // BouncyCastle may clear what it is given, so it gets a copy.
            public char[] GetPassword() => (char[])_passPhrase.Clone();
        }
    }
}
