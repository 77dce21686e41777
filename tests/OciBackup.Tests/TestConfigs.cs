using System.IO;

namespace OciBackup.Tests
{
    /// <summary>Config files and key files for a <see cref="FakeProcessEnvironment"/>, using the vector keys.</summary>
    public static class TestConfigs
    {
        public const string Tenancy = "ocid1.tenancy.oc1..aaaaaaaa5nfwo53cezleyy6t73v6rn6knhu3molvptnl3kcq34l5zb7ptz2q";
        public const string User = "ocid1.user.oc1..aaaaaaaaflhvp4ewyhnvq4obbfcqyzgf7w7xy5ohcqn7fjzzq6tdbxtoqu2q";
        public const string Fingerprint = "1f:63:5f:7d:d8:af:b3:af:8e:e4:8f:7b:45:23:7e:fe";
        public const string PassPhrase = "correct horse";

        public static string KeyText(string file) => File.ReadAllText(SigningVectors.PathOf("keys/" + file));

        /// <summary>A home with ~/.oci/config holding [DEFAULT] for the plain key, plus the key files.</summary>
        public static FakeProcessEnvironment Home(string config, string home = "/home/test")
        {
            var environment = new FakeProcessEnvironment(home);
            environment.AddFile(home + "/.oci/config", config);
            foreach (var file in new[] { "test-rsa2048-pkcs1.pem", "test-rsa2048-pkcs8.pem", "test-rsa2048-pkcs8-encrypted.pem", "test-rsa2048-pkcs1-encrypted-aes128.pem", "test-rsa4096-pkcs1.pem" })
            {
                environment.AddFile(home + "/.oci/" + file, KeyText(file));
            }

            return environment;
        }

        public static string ApiKeyProfile(string name = "DEFAULT", string keyFile = "~/.oci/test-rsa2048-pkcs1.pem", string? region = "us-ashburn-1", string fingerprint = Fingerprint, string? extra = null) =>
            $"[{name}]\nuser={User}\nfingerprint={fingerprint}\nkey_file={keyFile}\ntenancy={Tenancy}\n" + (region == null ? string.Empty : $"region={region}\n") + (extra ?? string.Empty);
    }
}
