using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OciBackup.Emulator;
using OciBackup.Engine;

namespace OciBackup.Tests
{
    /// <summary>The emulator on ephemeral ports with a generated key and config, and an engine session for every region it serves.</summary>
    public sealed class RunningEmulator : IAsyncDisposable
    {
        private readonly string _directory;

        private RunningEmulator(string directory, EmulatorHost host, OciSession session)
        {
            _directory = directory;
            Host = host;
            Session = session;
        }

        public EmulatorHost Host { get; }

        public OciSession Session { get; }

        /// <param name="configure">Sets the inventory, timings and faults; the config directory is set here.</param>
        public static async Task<RunningEmulator> StartAsync(Action<EmulatorOptions> configure)
        {
            var directory = Path.Combine(Path.GetTempPath(), "ocibackup-emulator-" + Guid.NewGuid().ToString("N"));
            var options = new EmulatorOptions { InitConfigDirectory = directory };
            configure(options);
            var host = await EmulatorHost.StartAsync(options);
            // As Start-OciEmulator's session: the config's (home) region, and every region the emulator serves at its own port.
            var session = OciSession.Create(new OciSessionOptions
            {
                ConfigFile = host.GeneratedConfigFile,
                Endpoints = host.Endpoints.ToDictionary(e => e.Key, e => e.Value.GetLeftPart(UriPartial.Authority)),
            });
            return new RunningEmulator(directory, host, session);
        }

        public async ValueTask DisposeAsync()
        {
            Session.Dispose();
            await Host.DisposeAsync();
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
