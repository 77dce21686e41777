using System.Linq;
using System.Management.Automation;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    public class NewOciVolumeGroupBackupTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public NewOciVolumeGroupBackupTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        [Fact]
        public void A_group_id_gets_a_group_backup_with_one_member_backup_per_volume()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var group = _emulator.Main.VolumeGroupIds[0];

            var output = host.Invoke("$args[0] | New-OciVolumeGroupBackup -Session $session -DisplayName 'weekly group' -Type Full -CompartmentId $args[1]", group, _emulator.Main.Id);

            var backup = Assert.Single(output);
            Assert.Equal("OciBackup.Engine.Models.VolumeGroupBackup", backup.TypeNames[0]);
            Assert.Equal(group, backup.Prop("VolumeGroupId"));
            Assert.Equal("weekly group", backup.Prop("DisplayName"));
            Assert.Equal(_emulator.Main.Id, backup.Prop("CompartmentId"));
            Assert.Equal(1, _emulator.Host.Statistics.VolumeGroupBackupsCreated(group));
        }

        [Fact]
        public void Objects_with_an_Id_bind_and_a_volume_id_is_refused_before_sending()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var group = _emulator.Main.VolumeGroupIds[1];
            var before = _emulator.Host.Statistics.Requests;

            var output = host.Invoke("[pscustomobject]@{ Id = $args[0] }, $args[1] | New-OciVolumeGroupBackup -Session $session", out var errors, group, _emulator.Main.VolumeIds[0]);

            Assert.Equal(group, Assert.Single(output).Prop("VolumeGroupId"));
            var error = Assert.Single(errors);
            Assert.Equal("OciBackup.InvalidVolumeGroupId,OciBackup.Cmdlets.NewOciVolumeGroupBackupCommand", error.FullyQualifiedErrorId);
            Assert.Equal(_emulator.Main.VolumeIds[0], error.TargetObject);
            Assert.Equal(before + 1, _emulator.Host.Statistics.Requests);
        }

        [Fact]
        public void Confirm_names_the_volume_group_and_WhatIf_sends_nothing()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var before = _emulator.Host.Statistics.Requests;

            host.Invoke("$args[0] | New-OciVolumeGroupBackup -Session $session -Type Incremental -WhatIf", _emulator.Main.VolumeGroupIds[1]);

            Assert.Contains($"Performing the operation \"Create an incremental backup\" on target \"VolumeGroup {_emulator.Main.VolumeGroupIds[1]}\"", host.Host.Text);
            Assert.Equal(before, _emulator.Host.Statistics.Requests);
        }
    }
}
