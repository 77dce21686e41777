using System.IO;
using System.Linq;
using OciBackup.Emulator;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>A small compartment, as the README's quick start uses.</summary>
    public sealed class SmallCompartmentFixture : EmulatorFixture
    {
        protected override void Configure(EmulatorOptions options)
        {
            options.VolumesPerCompartment = 4;
            options.VolumeGroupsPerCompartment = 1;
            options.VolumesPerGroup = 3;
        }
    }

    public class SampleRunbookTests : IClassFixture<SmallCompartmentFixture>
    {
        private readonly SmallCompartmentFixture _emulator;

        public SampleRunbookTests(SmallCompartmentFixture emulator)
        {
            _emulator = emulator;
        }

        private static string Runbook => Path.Combine(ModuleHost.RepositoryRoot, "samples", "Backup-Compartment.ps1");

        [Fact]
        public void The_sample_runbook_backs_up_every_volume_and_each_group_and_waits()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript + "; $PSDefaultParameterValues['*-Oci*:Session'] = $session");

            var output = host.Invoke("& $args[0] -CompartmentId $args[1] -Type Full", Runbook, _emulator.Main.Id);

            var volumeBackups = output.Where(o => o.TypeNames[0] == "OciBackup.Engine.Models.VolumeBackup").ToList();
            var groupBackups = output.Where(o => o.TypeNames[0] == "OciBackup.Engine.Models.VolumeGroupBackup").ToList();
            var allVolumes = _emulator.Main.VolumeIds.Concat(_emulator.Main.VolumeGroupIds.SelectMany(_emulator.Host.VolumeIdsOfGroup)).Distinct().ToList();
            Assert.Equal(allVolumes.OrderBy(v => v), volumeBackups.Select(b => (string)b.Prop("VolumeId")!).OrderBy(v => v));
            Assert.Equal(_emulator.Main.VolumeGroupIds.OrderBy(g => g), groupBackups.Select(b => (string)b.Prop("VolumeGroupId")!).OrderBy(g => g));
            Assert.All(output, o => Assert.Equal("AVAILABLE", o.Prop("LifecycleState")));
        }

        [Fact]
        public void Running_the_runbook_again_the_same_day_makes_no_second_backup()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript + "; $PSDefaultParameterValues['*-Oci*:Session'] = $session");

            var first = host.Invoke("& $args[0] -CompartmentId $args[1] -RunKey 'same-run'", Runbook, _emulator.Main.Id);
            var second = host.Invoke("& $args[0] -CompartmentId $args[1] -RunKey 'same-run'", Runbook, _emulator.Main.Id);

            Assert.Equal(first.Select(o => (string)o.Prop("Id")!).OrderBy(i => i), second.Select(o => (string)o.Prop("Id")!).OrderBy(i => i));
        }
    }
}
