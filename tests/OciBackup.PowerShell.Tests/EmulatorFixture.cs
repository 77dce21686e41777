using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OciBackup.Emulator;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>
    /// The emulator on 127.0.0.1 (ephemeral port) with a generated key and OCI config, shared by one
    /// test class and stopped after it: compartment "main" holds 140 volumes and two volume groups.
    /// </summary>
    public class EmulatorFixture : IAsyncLifetime
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "ocibackup-ps-" + Guid.NewGuid().ToString("N"));
        private EmulatorHost? _host;

        public EmulatorHost Host => _host ?? throw new InvalidOperationException("Not started.");

        /// <summary>The folder of the generated key and config, removed with the fixture.</summary>
        protected string Folder => _directory;

        public string ConfigFile => Host.GeneratedConfigFile!;

        public string Endpoint => Host.BaseAddress.GetLeftPart(UriPartial.Authority);

        public EmulatorCompartment Main => Host.Compartments.Single(c => c.Name == "main");

        /// <summary>A script line that makes $session for this emulator.</summary>
        public string SessionScript => $"$session = New-OciSession -ConfigFile '{ConfigFile}' -Endpoint '{Endpoint}'";

        public async Task InitializeAsync()
        {
            var options = new EmulatorOptions
            {
                InitConfigDirectory = _directory,
                BackupDuration = TimeSpan.FromMilliseconds(800),
                VolumesPerCompartment = 140,
                VolumeGroupsPerCompartment = 2,
                VolumesPerGroup = 3,
                RandomSeed = 20261123,
            };
            options.CompartmentNames.Add("main");
            Configure(options);
            _host = await EmulatorHost.StartAsync(options);
        }

        /// <summary>Lets a derived fixture change the inventory or timings.</summary>
        protected virtual void Configure(EmulatorOptions options)
        {
        }

        public async Task DisposeAsync()
        {
            if (_host != null)
            {
                await _host.DisposeAsync();
            }

            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
