using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using OciBackup.Engine.Auth;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.X509;
using Xunit;

namespace OciBackup.Tests.Auth
{
    public class RsaSigningKeyTests
    {
        [Theory]
        [InlineData("test-rsa2048-pkcs1.pem")]
        [InlineData("test-rsa4096-pkcs1.pem")]
        public void The_platform_rsa_and_the_bouncycastle_fallback_sign_identically(string file)
        {
            var parameters = ReadParameters(file);
            using var platform = new RsaSigningKey(parameters, preferPlatformRsa: true);
            using var fallback = new RsaSigningKey(parameters, preferPlatformRsa: false);
            var data = Encoding.UTF8.GetBytes("(request-target): get /20160918/volumes");

            Assert.True(platform.UsesPlatformRsa);
            Assert.False(fallback.UsesPlatformRsa);
            Assert.Equal(fallback.SignSha256(data), platform.SignSha256(data));
            Assert.Equal(platform.Fingerprint, fallback.Fingerprint);
        }

        [Fact]
        public void Concurrent_signatures_are_all_correct()
        {
            using var key = new RsaSigningKey(ReadParameters("test-rsa2048-pkcs1.pem"));
            var messages = Enumerable.Range(0, 200).Select(i => Encoding.UTF8.GetBytes("message " + i)).ToArray();
            var expected = messages.Select(m => key.SignSha256(m)).ToArray();
            var actual = new byte[messages.Length][];

            Parallel.For(0, messages.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = key.SignSha256(messages[i]));

            for (var i = 0; i < messages.Length; i++)
            {
                Assert.Equal(expected[i], actual[i]);
            }
        }

        [Fact]
        public void ToString_shows_size_and_fingerprint_only()
        {
            using var key = new RsaSigningKey(ReadParameters("test-rsa2048-pkcs1.pem"));
            Assert.Equal("RSA 2048-bit key 1f:63:5f:7d:d8:af:b3:af:8e:e4:8f:7b:45:23:7e:fe", key.ToString());
        }

        [Fact]
        public void A_disposed_key_refuses_to_sign()
        {
            var key = new RsaSigningKey(ReadParameters("test-rsa2048-pkcs1.pem"));
            key.Dispose();
            Assert.Throws<System.ObjectDisposedException>(() => key.SignSha256(new byte[] { 1 }));
        }

        [Fact]
        public void The_fingerprint_is_the_md5_of_the_subject_public_key_info_bouncycastle_builds()
        {
            var parameters = ReadParameters("test-rsa4096-pkcs1.pem");
            using var key = new RsaSigningKey(parameters);
            var der = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(new RsaKeyParameters(false, parameters.Modulus, parameters.PublicExponent)).GetDerEncoded();
            var md5 = new MD5Digest();
            md5.BlockUpdate(der, 0, der.Length);
            var hash = new byte[16];
            md5.DoFinal(hash, 0);

            Assert.Equal(string.Join(":", hash.Select(b => b.ToString("x2"))), key.Fingerprint);
        }

        private static RsaKeyMaterial ReadParameters(string file)
        {
            using var reader = new StringReader(File.ReadAllText(SigningVectors.PathOf("keys/" + file)));
            return RsaKeyMaterial.From((RsaPrivateCrtKeyParameters)((AsymmetricCipherKeyPair)new PemReader(reader).ReadObject()).Private);
        }
    }
}
