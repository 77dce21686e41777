using System;
using System.IO;
using System.Text;
using OciBackup.Engine.Auth;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Xunit;

namespace OciBackup.Tests.Auth
{
    public class PrivateKeyReaderTests
    {
        private const string Fingerprint2048 = "1f:63:5f:7d:d8:af:b3:af:8e:e4:8f:7b:45:23:7e:fe";
        private static readonly byte[] Message = Encoding.UTF8.GetBytes("date: Mon, 23 Nov 2026 09:05:07 GMT");

        public static TheoryData<string, string?> EveryPemForm() => new TheoryData<string, string?>
        {
            { "test-rsa2048-pkcs1.pem", null },
            { "test-rsa2048-pkcs8.pem", null },
            { "test-rsa2048-pkcs1-encrypted-aes128.pem", "correct horse" },
            { "test-rsa2048-pkcs1-encrypted-des3.pem", "correct horse" },
            { "test-rsa2048-pkcs8-encrypted.pem", "correct horse" },
        };

        [Theory]
        [MemberData(nameof(EveryPemForm))]
        public void Every_pem_form_gives_the_same_key_fingerprint_and_signature(string file, string? passPhrase)
        {
            using var reference = Read("test-rsa2048-pkcs1.pem", null);
            using var key = Read(file, passPhrase);

            Assert.Equal(Fingerprint2048, key.Fingerprint);
            Assert.Equal(2048, key.KeySizeInBits);
            Assert.True(key.UsesPlatformRsa);
            Assert.Equal(reference.SignSha256(Message), key.SignSha256(Message));
        }

        [Fact]
        public void A_4096_bit_key_has_the_fingerprint_oracle_documents()
        {
            using var key = Read("test-rsa4096-pkcs1.pem", null);
            Assert.Equal("e6:2a:b3:66:4c:c3:d7:9a:10:45:a1:75:1b:71:05:35", key.Fingerprint);
            Assert.Equal(4096, key.KeySizeInBits);
        }

        [Fact]
        public void The_consoles_trailing_OCI_API_KEY_line_and_windows_line_endings_are_accepted()
        {
            var pem = File.ReadAllText(SigningVectors.PathOf("keys/test-rsa2048-pkcs8.pem")).Replace("\n", "\r\n") + "OCI_API_KEY\r\n";
            using var key = PrivateKeyReader.Read(pem, null, "console.pem");
            Assert.Equal(Fingerprint2048, key.Fingerprint);
        }

        [Theory]
        [InlineData("test-rsa2048-pkcs1-encrypted-aes128.pem")]
        [InlineData("test-rsa2048-pkcs1-encrypted-des3.pem")]
        [InlineData("test-rsa2048-pkcs8-encrypted.pem")]
        public void An_encrypted_key_without_a_pass_phrase_says_one_is_needed(string file)
        {
            var error = Assert.Throws<OciConfigException>(() => Read(file, null));
            Assert.Equal(OciConfigErrorKind.PassPhraseRequired, error.Kind);
            Assert.Contains(file, error.Message);
            Assert.Contains("-PassPhrase", error.RecommendedAction);
        }

        [Theory]
        [InlineData("test-rsa2048-pkcs1-encrypted-aes128.pem")]
        [InlineData("test-rsa2048-pkcs1-encrypted-des3.pem")]
        [InlineData("test-rsa2048-pkcs8-encrypted.pem")]
        public void A_wrong_pass_phrase_is_reported_as_such_without_echoing_it(string file)
        {
            var error = Assert.Throws<OciConfigException>(() => Read(file, "battery staple"));
            Assert.Equal(OciConfigErrorKind.PassPhraseIncorrect, error.Kind);
            Assert.DoesNotContain("battery", error.ToString());
            Assert.Null(error.InnerException);
        }

        [Fact]
        public void A_pass_phrase_given_for_a_plain_key_is_ignored()
        {
            using var key = Read("test-rsa2048-pkcs1.pem", "not needed");
            Assert.Equal(Fingerprint2048, key.Fingerprint);
        }

        [Fact]
        public void A_public_key_is_refused_with_a_hint()
        {
            var error = Assert.Throws<OciConfigException>(() => Read("test-rsa2048-public.pem", null));
            Assert.Equal(OciConfigErrorKind.KeyInvalid, error.Kind);
            Assert.Contains("PUBLIC KEY", error.Message);
            Assert.Contains("private key", error.RecommendedAction);
        }

        [Theory]
        [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n", "OpenSSH")]
        [InlineData("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIA==\n-----END EC PRIVATE KEY-----\n", "EC PRIVATE KEY")]
        [InlineData("not a key at all", "no '-----BEGIN")]
        [InlineData("", "no '-----BEGIN")]
        public void Other_key_formats_get_a_clear_message(string pem, string expected)
        {
            var error = Assert.Throws<OciConfigException>(() => PrivateKeyReader.Read(pem, null, "k.pem"));
            Assert.Equal(OciConfigErrorKind.KeyInvalid, error.Kind);
            Assert.Contains(expected, error.Message);
        }

        [Fact]
        public void A_truncated_key_is_invalid_and_its_content_is_not_echoed()
        {
            var pem = File.ReadAllText(SigningVectors.PathOf("keys/test-rsa2048-pkcs1.pem"));
            var truncated = pem.Substring(0, pem.Length / 2) + "\n-----END RSA PRIVATE KEY-----\n";
            var secretLine = pem.Split('\n')[3];

            var error = Assert.Throws<OciConfigException>(() => PrivateKeyReader.Read(truncated, null, "k.pem"));

            Assert.Equal(OciConfigErrorKind.KeyInvalid, error.Kind);
            Assert.DoesNotContain(secretLine, error.ToString());
        }

        [Theory]
        [MemberData(nameof(EveryPemForm))]
        public void Every_pem_form_reads_the_same_numbers_as_bouncycastles_openssl_reader(string file, string? passPhrase)
        {
            var pem = File.ReadAllText(SigningVectors.PathOf("keys/" + file));
            using var text = new StringReader(pem);
            var item = new PemReader(text, passPhrase == null ? null : new Password(passPhrase)).ReadObject();
            var expected = (RsaPrivateCrtKeyParameters)(item is AsymmetricCipherKeyPair pair ? pair.Private : item);
            using var key = PrivateKeyReader.Read(pem, passPhrase?.ToCharArray(), file);
            var reference = new RsaDigestSigner(new Sha256Digest());
            reference.Init(true, expected);
            reference.BlockUpdate(Message, 0, Message.Length);

            // PKCS#1 v1.5 signatures are deterministic: equal signatures mean the same private key.
            Assert.Equal(reference.GenerateSignature(), key.SignSha256(Message));
            Assert.Equal(expected.Modulus.BitLength, key.KeySizeInBits);
        }

        [Theory]
        [InlineData("AES-256-CBC")] // what oci setup keys --passphrase writes
        [InlineData("AES-192-CBC")]
        [InlineData("DES-CBC")] // not decrypted by OciBackup itself: BouncyCastle's OpenSSL reader takes it
        [InlineData("AES-128-CFB")]
        public void Legacy_encrypted_keys_of_every_openssl_cipher_read_and_refuse_a_wrong_pass_phrase(string cipher)
        {
            var pem = File.ReadAllText(SigningVectors.PathOf("keys/test-rsa2048-pkcs1.pem"));
            using var text = new StringReader(pem);
            var pair = (AsymmetricCipherKeyPair)new PemReader(text).ReadObject();
            using var written = new StringWriter();
            var writer = new PemWriter(written);
            writer.WriteObject(new MiscPemGenerator(pair.Private, cipher, "pässword 1".ToCharArray(), new SecureRandom()));
            writer.Writer.Flush();
            Assert.Contains("DEK-Info: " + cipher, written.ToString());

            using var key = PrivateKeyReader.Read(written.ToString(), "pässword 1".ToCharArray(), "legacy.pem");
            var wrong = Assert.Throws<OciConfigException>(() => PrivateKeyReader.Read(written.ToString(), "password 1".ToCharArray(), "legacy.pem"));

            Assert.Equal(Fingerprint2048, key.Fingerprint);
            using var reference = Read("test-rsa2048-pkcs1.pem", null);
            Assert.Equal(reference.SignSha256(Message), key.SignSha256(Message));
            Assert.Equal(OciConfigErrorKind.PassPhraseIncorrect, wrong.Kind);
        }

        [Fact]
        public void A_key_whose_primes_do_not_make_its_modulus_is_invalid()
        {
            var pem = File.ReadAllText(SigningVectors.PathOf("keys/test-rsa2048-pkcs1.pem"));
            using var text = new StringReader(pem);
            var good = (RsaPrivateCrtKeyParameters)((AsymmetricCipherKeyPair)new PemReader(text).ReadObject()).Private;
            var damaged = new RsaPrivateKeyStructure(good.Modulus, good.PublicExponent, good.Exponent, good.P.Add(BigInteger.Two), good.Q, good.DP, good.DQ, good.QInv);
            var damagedPem = "-----BEGIN RSA PRIVATE KEY-----\n" + Convert.ToBase64String(damaged.GetEncoded(), Base64FormattingOptions.InsertLineBreaks) + "\n-----END RSA PRIVATE KEY-----\n";

            var error = Assert.Throws<OciConfigException>(() => PrivateKeyReader.Read(damagedPem, null, "damaged.pem"));

            Assert.Equal(OciConfigErrorKind.KeyInvalid, error.Kind);
            Assert.Contains("damaged.pem", error.Message);
        }

        [Fact]
        public void A_pkcs8_key_of_another_algorithm_is_refused_as_not_rsa()
        {
            var generator = new ECKeyPairGenerator();
            generator.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256r1, new SecureRandom()));
            var info = PrivateKeyInfoFactory.CreatePrivateKeyInfo(generator.GenerateKeyPair().Private);
            var pem = "-----BEGIN PRIVATE KEY-----\n" + Convert.ToBase64String(info.GetEncoded(), Base64FormattingOptions.InsertLineBreaks) + "\n-----END PRIVATE KEY-----\n";

            var error = Assert.Throws<OciConfigException>(() => PrivateKeyReader.Read(pem, null, "ec.pem"));

            Assert.Equal(OciConfigErrorKind.KeyInvalid, error.Kind);
            Assert.Contains("does not hold an RSA private key", error.Message);
        }

        private sealed class Password : IPasswordFinder
        {
            private readonly string _value;

            public Password(string value) => _value = value;

            public char[] GetPassword() => _value.ToCharArray();
        }

        private static RsaSigningKey Read(string file, string? passPhrase) =>
            PrivateKeyReader.Read(File.ReadAllText(SigningVectors.PathOf("keys/" + file)), passPhrase?.ToCharArray(), file);
    }
}
