using System;
using System.Globalization;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Paddings;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Utilities.IO.Pem;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// Decrypts the body of an OpenSSL "traditional" encrypted PEM block (<c>Proc-Type: 4,ENCRYPTED</c> and
    /// <c>DEK-Info: CIPHER,IV</c>), the form <c>oci setup keys --passphrase</c> writes, with BouncyCastle's
    /// primitives: the key from EVP_BytesToKey (MD5, one round, the IV's first 8 bytes as salt), then CBC with
    /// PKCS#7 padding. BouncyCastle's OpenSSL reader does the same but then builds key objects whose
    /// construction re-proves the modulus composite (tens of milliseconds); the ciphers OpenSSL and the OCI CLI
    /// write are handled here, anything rarer is left to that reader.
    /// </summary>
    internal static class LegacyPemDecryption
    {
        /// <summary>The decrypted DER, or null when the block names a cipher not handled here.</summary>
        /// <exception cref="InvalidCipherTextException">The pass phrase is wrong or the body is damaged.</exception>
        public static byte[]? TryDecrypt(PemObject block, char[] passPhrase)
        {
            string? dekInfo = null;
            foreach (PemHeader header in block.Headers)
            {
                if (string.Equals(header.Name, "DEK-Info", StringComparison.OrdinalIgnoreCase))
                {
                    dekInfo = header.Value;
                }
            }

            var parts = dekInfo?.Split(',');
            if (parts == null || parts.Length != 2)
            {
                return null;
            }

            var (engine, algorithm, keyBits) = parts[0].Trim().ToUpperInvariant() switch
            {
                "AES-128-CBC" => ((IBlockCipher)new AesEngine(), "AES", 128),
                "AES-192-CBC" => (new AesEngine(), "AES", 192),
                "AES-256-CBC" => (new AesEngine(), "AES", 256),
                "DES-EDE3-CBC" => (new DesEdeEngine(), "DESEDE", 192),
                _ => ((IBlockCipher?)null, "", 0),
            };
            var iv = Hex(parts[1].Trim());
            if (engine == null || iv == null || iv.Length != engine.GetBlockSize())
            {
                return null;
            }

            var generator = new OpenSslPbeParametersGenerator();
            var salt = new byte[8];
            Array.Copy(iv, salt, salt.Length);
            // The same bytes BouncyCastle's OpenSSL reader derives from the pass phrase, cleared once used.
            var password = PbeParametersGenerator.Pkcs5PasswordToBytes(passPhrase);
            KeyParameter key;
            try
            {
                generator.Init(password, salt);
                key = (KeyParameter)generator.GenerateDerivedParameters(algorithm, keyBits);
            }
            finally
            {
                Array.Clear(password, 0, password.Length);
            }

            var cipher = new PaddedBufferedBlockCipher(new CbcBlockCipher(engine), new Pkcs7Padding());
            cipher.Init(false, new ParametersWithIV(key, iv));
            return cipher.DoFinal(block.Content);
        }

        private static byte[]? Hex(string text)
        {
            if (text.Length % 2 != 0)
            {
                return null;
            }

            var bytes = new byte[text.Length / 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                if (!byte.TryParse(text.Substring(i * 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
                {
                    return null;
                }
            }

            return bytes;
        }
    }
}
