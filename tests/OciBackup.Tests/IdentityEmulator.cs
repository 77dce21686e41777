using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using OciBackup.Emulator;
using OciBackup.Emulator.Identity;
using OciBackup.Engine;
using OciBackup.Engine.Http;

namespace OciBackup.Tests
{
    /// <summary>
    /// The emulator with its identity side (metadata service, federation endpoint, resource principal, Cloud Shell
    /// and session-token files) on a fake clock the client shares, in a temporary folder; sessions for it are built
    /// with variables of their own, never the machine's.
    /// </summary>
    internal sealed class IdentityEmulator : IAsyncDisposable
    {
        public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

        private IdentityEmulator(string directory, EmulatorHost host, FakeTimeProvider time)
        {
            Directory = directory;
            Host = host;
            Time = time;
            Clock = new TimeProviderClock(time);
        }

        public string Directory { get; }

        public EmulatorHost Host { get; }

        public EmulatorIdentity Identity => Host.Identity!;

        public FakeTimeProvider Time { get; }

        public TimeProviderClock Clock { get; }

        public RecordingDelay Delay { get; } = new RecordingDelay();

        public string Endpoint => Host.BaseAddress.GetLeftPart(UriPartial.Authority);

        public string CompartmentId => Host.Compartments[0].Id;

        /// <param name="configure">More settings (inventory, faults) after the identity side is switched on.</param>
        public static async Task<IdentityEmulator> StartAsync(Action<EmulatorOptions>? configure = null, TimeSpan? tokenLifetime = null)
        {
            var directory = Path.Combine(Path.GetTempPath(), "ocibackup-identity-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(directory);
            var time = new FakeTimeProvider(Start);
            var options = new EmulatorOptions { TimeProvider = time, RandomSeed = 11, BackupDuration = TimeSpan.FromSeconds(1) };
            options.Identity.InstancePrincipal = true;
            options.Identity.TokenLifetime = tokenLifetime ?? TimeSpan.FromMinutes(20);
            options.Identity.ResourcePrincipalDirectory = Path.Combine(directory, "rp");
            options.Identity.CloudShellDirectory = Path.Combine(directory, "cloudshell");
            options.Identity.SessionTokenDirectory = Path.Combine(directory, "session");
            configure?.Invoke(options);
            var host = await EmulatorHost.StartAsync(options);
            return new IdentityEmulator(directory, host, time);
        }

        /// <summary>Variables pointing an instance principal at the emulated metadata service, and a home with no ~/.oci.</summary>
        public DiskFilesEnvironment InstanceEnvironment()
        {
            var home = Path.Combine(Directory, "home");
            System.IO.Directory.CreateDirectory(home);
            var environment = new DiskFilesEnvironment(home);
            environment.Variables["OCI_METADATA_BASE_URL"] = Identity.MetadataBaseAddress!.ToString();
            environment.Variables["OCI_CLI_FEDERATION_ENDPOINT"] = Identity.FederationEndpoint!.ToString();
            return environment;
        }

        /// <summary>Session options for the emulator's API with the shared clock and no real delays.</summary>
        public OciSessionOptions Options(DiskFilesEnvironment environment, string? authType = null) => new OciSessionOptions
        {
            Environment = environment,
            AuthType = authType,
            Endpoint = Endpoint,
            Clock = Clock,
            Delay = Delay,
            Timeout = TimeSpan.FromSeconds(5),
        };

        public Task<OciResult<Engine.Models.Volume[]>> ListVolumesAsync(OciSession session) =>
            session.Http.SendAsync<Engine.Models.Volume[]>(new OciRequest(System.Net.Http.HttpMethod.Get, "/20160918/volumes").WithQuery("compartmentId", CompartmentId), default);

        public void Advance(TimeSpan by) => Time.Advance(by);

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
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
