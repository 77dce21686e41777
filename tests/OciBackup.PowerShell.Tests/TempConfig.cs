using System;
using System.IO;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>A throwaway OCI config directory using the test vectors' key.</summary>
    public sealed class TempConfig : IDisposable
    {
        public const string Tenancy = "ocid1.tenancy.oc1..aaaaaaaa5nfwo53cezleyy6t73v6rn6knhu3molvptnl3kcq34l5zb7ptz2q";
        public const string User = "ocid1.user.oc1..aaaaaaaaflhvp4ewyhnvq4obbfcqyzgf7w7xy5ohcqn7fjzzq6tdbxtoqu2q";
        public const string Fingerprint = "1f:63:5f:7d:d8:af:b3:af:8e:e4:8f:7b:45:23:7e:fe";

        public TempConfig(string keyFile = "test-rsa2048-pkcs1.pem", string? extra = null, string region = "us-phoenix-1")
        {
            Directory = Path.Combine(Path.GetTempPath(), "ocibackup-test-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Directory);
            var key = Path.Combine(Directory, keyFile);
            File.Copy(Path.Combine(ModuleHost.VectorsFolder, "keys", keyFile), key);
            ConfigFile = Path.Combine(Directory, "config");
            File.WriteAllText(ConfigFile,
                $"[DEFAULT]\nuser={User}\nfingerprint={Fingerprint}\nkey_file={key}\ntenancy={Tenancy}\nregion={region}\n{extra}\n" +
                $"[OTHER]\nregion=eu-frankfurt-1\n");
        }

        public string Directory { get; }

        public string ConfigFile { get; }

        public void Dispose()
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
