using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CsCheck;
using OciBackup.Engine.Auth;
using Xunit;

namespace OciBackup.Tests.Auth
{
    /// <summary>
    /// Random and mutated config files and PEM blobs: the parsers may succeed or raise our own
    /// documented error, and nothing else — no crash, no hang, no secret in the message.
    /// </summary>
    public class ParserFuzzTests
    {
        private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(20);

        private static readonly string[] KeyFiles =
        {
            "test-rsa2048-pkcs1.pem", "test-rsa2048-pkcs8.pem", "test-rsa2048-pkcs1-encrypted-aes128.pem",
            "test-rsa2048-pkcs1-encrypted-des3.pem", "test-rsa2048-pkcs8-encrypted.pem",
        };

        private static readonly Gen<string> Secret = Gen.String[Gen.Char.AlphaNumeric, 12, 24].Select(s => "S3cr3t" + s);

        private static readonly Gen<char> Noise = Gen.OneOf(Gen.Char, Gen.Char["[]=:#; \t\r\n\uFEFF~-"]);

        [Fact]
        public void Mutated_config_files_only_raise_config_errors_and_never_echo_the_pass_phrase()
        {
            var gen = Gen.Select(Secret, Gen.Int[0, 12].SelectMany(n => Gen.Select(Gen.Int[0, 10_000], Noise, Gen.Int[0, 4]).Array[n, n]));
            gen.Sample((secret, edits) =>
            {
                var text = Mutate(TestConfigs.ApiKeyProfile(extra: $"pass_phrase={secret}\n") + TestConfigs.ApiKeyProfile("PROD", extra: $"pass_phrase = {secret}\n"), edits);
                RunBounded(() =>
                {
                    try
                    {
                        var file = ConfigFile.Parse(text, "/fuzz/config");
                        foreach (var name in file.ProfileNames)
                        {
                            var profile = file.GetProfile(name);
                            _ = profile.Get("pass_phrase");
                            try
                            {
                                profile.GetRequired("fingerprint", "fuzzing");
                            }
                            catch (OciConfigException error)
                            {
                                AssertClean(error, secret);
                            }
                        }
                    }
                    catch (OciConfigException error)
                    {
                        AssertClean(error, secret);
                    }
                });
            }, iter: 1500);
        }

        [Fact]
        public void Random_text_as_a_config_file_only_raises_config_errors()
        {
            Gen.String[Noise, 0, 200].Sample(text => RunBounded(() =>
            {
                try
                {
                    ConfigFile.Parse(text, "/fuzz/config");
                }
                catch (OciConfigException error)
                {
                    Assert.Equal(OciConfigErrorKind.ConfigFileInvalid, error.Kind);
                }
            }), iter: 3000);
        }

        [Fact]
        public void Mutated_pem_keys_only_raise_key_errors_and_never_echo_key_material_or_pass_phrase()
        {
            var gen = Gen.Select(Gen.Int[0, KeyFiles.Length - 1], Gen.OneOf(Gen.Const("correct horse"), Secret), Gen.Int[0, 6].SelectMany(n => Gen.Select(Gen.Int[0, 10_000], Noise, Gen.Int[0, 4]).Array[n, n]));
            gen.Sample((index, passPhrase, edits) =>
            {
                var original = TestConfigs.KeyText(KeyFiles[index]);
                var pem = Mutate(original, edits);
                var material = original.Split('\n').Where(l => l.Length >= 16 && !l.StartsWith("-----") && !l.Contains(':')).ToArray();
                RunBounded(() =>
                {
                    try
                    {
                        using var key = PrivateKeyReader.Read(pem, passPhrase.ToCharArray(), "fuzz.pem");
                        Assert.Matches("^([0-9a-f]{2}:){15}[0-9a-f]{2}$", key.Fingerprint);
                    }
                    catch (OciConfigException error)
                    {
                        Assert.Contains(error.Kind, new[] { OciConfigErrorKind.KeyInvalid, OciConfigErrorKind.PassPhraseIncorrect, OciConfigErrorKind.PassPhraseRequired });
                        AssertClean(error, passPhrase);
                        foreach (var line in material)
                        {
                            Assert.DoesNotContain(line, error.ToString());
                        }
                    }
                });
            }, iter: 400);
        }

        [Fact]
        public void Random_bytes_as_a_key_only_raise_key_errors()
        {
            Gen.Select(Gen.String[Noise, 0, 300], Gen.OneOf(Gen.Const("-----BEGIN RSA PRIVATE KEY-----\n"), Gen.Const("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"), Gen.Const("-----BEGIN PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"), Gen.Const(string.Empty)))
                .Sample((body, prefix) => RunBounded(() =>
                {
                    try
                    {
                        using var key = PrivateKeyReader.Read(prefix + body + "\n-----END RSA PRIVATE KEY-----\n", "pw".ToCharArray(), "fuzz.pem");
                    }
                    catch (OciConfigException error)
                    {
                        Assert.Contains(error.Kind, new[] { OciConfigErrorKind.KeyInvalid, OciConfigErrorKind.PassPhraseIncorrect, OciConfigErrorKind.PassPhraseRequired });
                    }
                }), iter: 2000);
        }

        [Fact]
        public void An_encrypted_key_demanding_absurd_key_derivation_work_is_refused_at_once()
        {
            // Re-encode the test key's PBKDF2 parameters with 2^30 rounds: that would take minutes.
            var pem = TestConfigs.KeyText("test-rsa2048-pkcs8-encrypted.pem");
            using var reader = new StringReader(pem);
            var block = new Org.BouncyCastle.Utilities.IO.Pem.PemReader(reader).ReadPemObject();
            var info = Org.BouncyCastle.Asn1.Pkcs.EncryptedPrivateKeyInfo.GetInstance(block.Content);
            var pbes2 = Org.BouncyCastle.Asn1.Pkcs.PbeS2Parameters.GetInstance(info.EncryptionAlgorithm.Parameters);
            var pbkdf2 = Org.BouncyCastle.Asn1.Pkcs.Pbkdf2Params.GetInstance(pbes2.KeyDerivationFunc.Parameters);
            var costly = new Org.BouncyCastle.Asn1.Pkcs.Pbkdf2Params(pbkdf2.GetSalt(), 1 << 30, pbkdf2.Prf);
            var kdf = new Org.BouncyCastle.Asn1.Pkcs.KeyDerivationFunc(Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers.IdPbkdf2, costly);
            var algorithm = new Org.BouncyCastle.Asn1.X509.AlgorithmIdentifier(Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers.IdPbeS2, new Org.BouncyCastle.Asn1.Pkcs.PbeS2Parameters(kdf, pbes2.EncryptionScheme));
            var der = new Org.BouncyCastle.Asn1.Pkcs.EncryptedPrivateKeyInfo(algorithm, info.GetEncryptedData()).GetEncoded();
            var hostile = "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks) + "\n-----END ENCRYPTED PRIVATE KEY-----\n";

            var error = Assert.Throws<OciConfigException>(() => PrivateKeyReader.Read(hostile, "correct horse".ToCharArray(), "hostile.pem"));

            Assert.Equal(OciConfigErrorKind.KeyInvalid, error.Kind);
            Assert.Contains("key-derivation rounds", error.Message);
        }

        private static string Mutate(string text, (int Position, char Noise, int Operation)[] edits)
        {
            var builder = new StringBuilder(text);
            foreach (var (position, noise, operation) in edits)
            {
                if (builder.Length == 0)
                {
                    builder.Append(noise);
                    continue;
                }

                var at = position % builder.Length;
                switch (operation)
                {
                    case 0: builder.Remove(at, 1); break;
                    case 1: builder.Insert(at, noise); break;
                    case 2: builder[at] = noise; break;
                    case 3:
                        // Duplicate a whole line.
                        var start = builder.ToString().LastIndexOf('\n', at) + 1;
                        var end = builder.ToString().IndexOf('\n', at);
                        end = end < 0 ? builder.Length : end + 1;
                        builder.Insert(end, builder.ToString(start, end - start));
                        break;
                    default: builder.Remove(at, Math.Min(builder.Length - at, 1 + (position % 40))); break;
                }
            }

            return builder.ToString();
        }

        private static void AssertClean(OciConfigException error, string secret)
        {
            Assert.DoesNotContain(secret, error.Message);
            Assert.DoesNotContain(secret, error.ToString());
            Assert.DoesNotContain(secret, error.RecommendedAction);
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }

        private static void RunBounded(Action action)
        {
            var task = Task.Run(action);
            if (!task.Wait(HangLimit))
            {
                throw new TimeoutException("The parser did not finish: it hangs on this input.");
            }

            task.GetAwaiter().GetResult();
        }
    }
}
