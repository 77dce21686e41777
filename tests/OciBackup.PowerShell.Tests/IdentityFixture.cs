using System;
using System.IO;
using System.Threading.Tasks;
using OciBackup.Emulator;
using OciBackup.Emulator.Identity;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>
    /// The emulator with its identity side on real time (metadata service, federation endpoint, resource principal,
    /// Cloud Shell and session-token files) and a compartment "bulk" of 500 volumes, shared by one test class.
    /// </summary>
    public class IdentityFixture : IAsyncLifetime
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "ocibackup-ps-identity-" + Guid.NewGuid().ToString("N"));
        private EmulatorHost? _host;

        public EmulatorHost Host => _host ?? throw new InvalidOperationException("Not started.");

        public EmulatorIdentity Identity => Host.Identity!;

        public string Endpoint => Host.BaseAddress.GetLeftPart(UriPartial.Authority);

        public string Directory => _directory;

        public EmulatorCompartment Bulk => Host.Compartments[0];

        /// <summary>The variables an OCI instance would have for the emulator's metadata service and federation endpoint.</summary>
        public ProcessVariables InstanceVariables() => new ProcessVariables()
            .Set("OCI_METADATA_BASE_URL", Identity.MetadataBaseAddress!.ToString())
            .Set("OCI_CLI_FEDERATION_ENDPOINT", Identity.FederationEndpoint!.ToString());

        public async Task InitializeAsync()
        {
            var options = new EmulatorOptions
            {
                BackupDuration = TimeSpan.FromMilliseconds(500),
                VolumesPerCompartment = 500,
                VolumeGroupsPerCompartment = 0,
                DefaultPageSize = 1000,
                RandomSeed = 20261206,
            };
            options.CompartmentNames.Add("bulk");
            options.Identity.InstancePrincipal = true;
            options.Identity.ResourcePrincipalDirectory = Path.Combine(_directory, "rp");
            options.Identity.CloudShellDirectory = Path.Combine(_directory, "cloudshell");
            options.Identity.SessionTokenDirectory = Path.Combine(_directory, "session");
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
                System.IO.Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
