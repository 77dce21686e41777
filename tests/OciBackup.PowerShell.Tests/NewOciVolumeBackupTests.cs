using System;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    public class NewOciVolumeBackupTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public NewOciVolumeBackupTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        private string Volume(int index) => _emulator.Main.VolumeIds[index];

        [Fact]
        public void Backups_render_through_the_table_view()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);

            var text = host.Render("$args[0] | New-OciVolumeBackup -Session $session -DisplayName 'shown' -Type Incremental", _emulator.Main.VolumeIds[126]);

            Assert.Matches(@"DisplayName\s+State\s+Type\s+SizeGB\s+Created\s+Id", text);
            Assert.Matches(@"shown\s+(REQUEST_RECEIVED|CREATING)\s+INCREMENTAL", text);
        }
    }
}
