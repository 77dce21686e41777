using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>
    /// Start-OciEmulator in the hosted engine, where this test process outlives the runspace: what only the engine-exit
    /// handler can do (the process-exit handler and the emulator's watch of its parent process never fire here).
    /// </summary>
    public sealed class EmulatorLifetimeTests
    {
        [Fact]
        public void Closing_the_runspace_that_started_emulators_stops_them_and_removes_their_folders()
        {
            int[] processIds;
            string[] folders;
            using (var host = new ModuleHost())
            {
                var emulators = host.Invoke("1..2 | ForEach-Object { Start-OciEmulator -Volumes 1 -ErrorAction Stop }");
                processIds = emulators.Select(e => (int)e.Properties["ProcessId"].Value!).ToArray();
                folders = emulators.Select(e => (string)e.Properties["ConfigFolder"].Value!).ToArray();
                Assert.All(processIds, id => Assert.False(Process.GetProcessById(id).HasExited));
            }

            // The emulators are children of this process, so a stopped one is reaped and has no process any more.
            Assert.All(processIds, id => Assert.Throws<ArgumentException>(() => Process.GetProcessById(id)));
            Assert.All(folders, folder => Assert.False(Directory.Exists(folder), folder + " is left behind"));
        }
    }
}
