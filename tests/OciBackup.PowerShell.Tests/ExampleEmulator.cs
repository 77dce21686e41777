using System;
using System.IO;
using System.Threading.Tasks;
using OciBackup.Emulator;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>
    /// The emulator the help examples run against, on an ephemeral port, and a working folder laid out as
    /// "--init-config ./emulator-oci" leaves it: ./emulator-oci/config with a [DEFAULT] profile (plain PKCS#1 key)
    /// and a [PROD] profile (encrypted PKCS#8 key, pass phrase "correct horse", no pass_phrase in the file),
    /// both keys trusted by the emulator.
    /// </summary>
    public sealed class ExampleEmulator : IAsyncLifetime
    {
        public const string PassPhrase = "correct horse";

        private EmulatorHost? _host;

        public string WorkingFolder { get; } = Path.Combine(Path.GetTempPath(), "ocibackup-examples-" + Guid.NewGuid().ToString("N"));

        public string ConfigFile => Path.Combine(WorkingFolder, "emulator-oci", "config");

        /// <summary>The emulator's address without the trailing slash, as a user would type it: http://127.0.0.1:PORT.</summary>
        public string Url => Host.BaseAddress.GetLeftPart(UriPartial.Authority);

        public EmulatorHost Host => _host ?? throw new InvalidOperationException("The emulator has not started.");

        public async Task InitializeAsync()
        {
            var folder = Path.Combine(WorkingFolder, "emulator-oci");
            Directory.CreateDirectory(folder);
            var keys = Path.Combine(ModuleHost.VectorsFolder, "keys");
            foreach (var key in new[] { "test-rsa2048-pkcs1.pem", "test-rsa2048-pkcs8-encrypted.pem" })
            {
                File.Copy(Path.Combine(keys, key), Path.Combine(folder, key));
            }

            File.WriteAllText(ConfigFile,
                $"[DEFAULT]\nuser={TempConfig.User}\nfingerprint={TempConfig.Fingerprint}\nkey_file={Path.Combine(folder, "test-rsa2048-pkcs1.pem")}\n" +
                $"tenancy={TempConfig.Tenancy}\nregion=us-ashburn-1\n\n" +
                $"[PROD]\nkey_file={Path.Combine(folder, "test-rsa2048-pkcs8-encrypted.pem")}\nregion=eu-frankfurt-1\n");

            var options = new EmulatorOptions { Region = "us-ashburn-1", RandomSeed = 7, BackupDuration = TimeSpan.FromSeconds(1) };
            options.TrustedPublicKeyFiles.Add(Path.Combine(keys, "test-rsa2048-public.pem"));
            _host = await EmulatorHost.StartAsync(options);
        }

        public async Task DisposeAsync()
        {
            if (_host != null)
            {
                await _host.DisposeAsync();
            }

            try
            {
                Directory.Delete(WorkingFolder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
