using System;
using System.IO;
using System.Threading.Tasks;
using OciBackup.Emulator;
using OciBackup.Engine;

namespace OciBackup.Tests
{
    /// <summary>The emulator on an ephemeral port with a generated key and config, and an engine session for it.</summary>
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
            var session = OciSession.Create(new OciSessionOptions
            {
                ConfigFile = host.GeneratedConfigFile,
                Endpoint = host.BaseAddress.GetLeftPart(UriPartial.Authority),
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
