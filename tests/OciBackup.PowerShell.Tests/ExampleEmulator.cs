using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OciBackup.Emulator;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>
    /// The emulator the help examples run against, serving us-ashburn-1 and us-phoenix-1 on ephemeral ports, and a working folder laid out as
    /// "--init-config ./emulator-oci" leaves it: ./emulator-oci/config with a [DEFAULT] profile (plain PKCS#1 key)
    /// and a [PROD] profile (encrypted PKCS#8 key, pass phrase "correct horse", no pass_phrase in the file),
    /// both keys trusted by the emulator; and a [SESSION] profile whose session token the emulator issued. The emulator
    /// also plays an OCI instance's metadata service and federation endpoint, an OCI Function's resource principal
    /// files and Cloud Shell's delegation token (<see cref="SignInVariables"/>).
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

        /// <summary>Each region's address (us-ashburn-1 and us-phoenix-1), as New-OciSession -Endpoint takes a map of them.</summary>
        public Hashtable Endpoints => new Hashtable(Host.Endpoints.ToDictionary(e => e.Key, e => (object)e.Value.GetLeftPart(UriPartial.Authority)));

        /// <summary>
        /// What an OCI instance, an OCI Function and Cloud Shell would have in their environment, pointing at the
        /// emulator: the metadata service and federation endpoint, the resource principal variables and Cloud Shell's
        /// delegation token file (each read only by its own kind of sign-in).
        /// </summary>
        public IReadOnlyDictionary<string, string> SignInVariables
        {
            get
            {
                var identity = Host.Identity!;
                var variables = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["OCI_METADATA_BASE_URL"] = identity.MetadataBaseAddress!.ToString(),
                    ["OCI_CLI_FEDERATION_ENDPOINT"] = identity.FederationEndpoint!.ToString(),
                    ["OCI_CLI_DELEGATION_TOKEN_FILE"] = identity.CloudShellVariables!["OCI_CLI_DELEGATION_TOKEN_FILE"],
                };
                foreach (var pair in identity.ResourcePrincipalVariables!)
                {
                    variables[pair.Key] = pair.Value;
                }

                return variables;
            }
        }

        public async Task InitializeAsync()
        {
            var folder = Path.Combine(WorkingFolder, "emulator-oci");
            Directory.CreateDirectory(folder);
            var keys = Path.Combine(ModuleHost.VectorsFolder, "keys");
            foreach (var key in new[] { "test-rsa2048-pkcs1.pem", "test-rsa2048-pkcs8-encrypted.pem" })
            {
                File.Copy(Path.Combine(keys, key), Path.Combine(folder, key));
            }

            var identity = Path.Combine(WorkingFolder, "identity");
            var session = Path.Combine(identity, "session");
            File.WriteAllText(ConfigFile,
                $"[DEFAULT]\nuser={TempConfig.User}\nfingerprint={TempConfig.Fingerprint}\nkey_file={Path.Combine(folder, "test-rsa2048-pkcs1.pem")}\n" +
                $"tenancy={TempConfig.Tenancy}\nregion=us-ashburn-1\n\n" +
                $"[PROD]\nkey_file={Path.Combine(folder, "test-rsa2048-pkcs8-encrypted.pem")}\nregion=eu-frankfurt-1\n\n" +
                $"[SESSION]\nkey_file={Path.Combine(session, "session_key.pem")}\nsecurity_token_file={Path.Combine(session, "token")}\nregion=us-ashburn-1\n");

            var options = new EmulatorOptions { Region = "us-ashburn-1", RandomSeed = 7, BackupDuration = TimeSpan.FromSeconds(1) };
            options.AdditionalRegions.Add("us-phoenix-1");
            options.TrustedPublicKeyFiles.Add(Path.Combine(keys, "test-rsa2048-public.pem"));
            options.Identity.InstancePrincipal = true;
            options.Identity.ResourcePrincipalDirectory = Path.Combine(identity, "rp");
            options.Identity.CloudShellDirectory = Path.Combine(identity, "cloudshell");
            options.Identity.SessionTokenDirectory = session;
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
