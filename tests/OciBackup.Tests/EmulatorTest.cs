using System.Threading.Tasks;
using OciBackup.Emulator;
using OciBackup.Engine;
using Xunit;

namespace OciBackup.Tests
{
    /// <summary>A test class with its own emulator, started before each test and stopped after it.</summary>
    public abstract class EmulatorTest : IAsyncLifetime
    {
        private RunningEmulator? _running;

        protected EmulatorHost Emulator => _running!.Host;

        protected OciSession Session => _running!.Session;

        public async Task InitializeAsync() => _running = await RunningEmulator.StartAsync(Configure);

        public async Task DisposeAsync()
        {
            if (_running != null)
            {
                await _running.DisposeAsync();
            }
        }

        /// <summary>Sets the emulator's inventory, timings and faults for this class's tests.</summary>
        protected abstract void Configure(EmulatorOptions options);
    }
}
