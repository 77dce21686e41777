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
        public void A_volume_id_string_from_the_pipeline_gets_one_typed_backup()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);

            var output = host.Invoke("$args[0] | New-OciVolumeBackup -Session $session -DisplayName 'first' -Type Full -FreeformTag @{ env = 'test'; Count = 3 }", Volume(0));

            var backup = Assert.Single(output);
            Assert.Equal("OciBackup.Engine.Models.VolumeBackup", backup.TypeNames[0]);
            Assert.Equal(Volume(0), backup.Prop("VolumeId"));
            Assert.Equal("first", backup.Prop("DisplayName"));
            Assert.Equal("FULL", backup.Prop("Type"));
            var tags = (System.Collections.Hashtable)backup.Prop("FreeformTags")!;
            Assert.Equal("test", tags["env"]);
            Assert.Equal("3", tags["Count"]);
            Assert.StartsWith("ocid1.volumebackup.", (string)backup.Prop("Id")!);
            Assert.Equal(1, _emulator.Host.Statistics.VolumeBackupsCreated(Volume(0)));
        }

        [Fact]
        public void Objects_with_an_Id_or_VolumeId_property_bind_by_property_name()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);

            var output = host.Invoke(
                "@([pscustomobject]@{ Id = $args[0]; Name = 'from another tool' }, [pscustomobject]@{ VolumeId = $args[1] }) | New-OciVolumeBackup -Session $session",
                Volume(1), Volume(2));

            Assert.Equal(new[] { Volume(1), Volume(2) }, output.Select(o => (string)o.Prop("VolumeId")!).OrderBy(v => Array.IndexOf(new[] { Volume(1), Volume(2) }, v)));
            Assert.Equal(1, _emulator.Host.Statistics.VolumeBackupsCreated(Volume(1)));
            Assert.Equal(1, _emulator.Host.Statistics.VolumeBackupsCreated(Volume(2)));
        }

        [Fact]
        public void WhatIf_sends_nothing()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var before = _emulator.Host.Statistics.Requests;

            var output = host.Invoke("$args[0] | New-OciVolumeBackup -Session $session -WhatIf", Volume(3));

            Assert.Empty(output);
            Assert.Equal(before, _emulator.Host.Statistics.Requests);
            Assert.Equal(0, _emulator.Host.Statistics.VolumeBackupsCreated(Volume(3)));
            Assert.Contains("Volume " + Volume(3), host.Host.Text);
        }

        [Fact]
        public void A_hundred_volumes_in_one_pipeline_each_get_exactly_one_backup()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var volumes = _emulator.Main.VolumeIds.Skip(20).Take(100).ToArray();

            var output = host.Invoke("$args[0] | New-OciVolumeBackup -Session $session -ThrottleLimit 24", (object)volumes);

            Assert.Equal(100, volumes.Length);
            Assert.Equal(volumes.Length, output.Count);
            Assert.Equal(volumes.OrderBy(v => v), output.Select(o => (string)o.Prop("VolumeId")!).OrderBy(v => v));
            Assert.All(volumes, v => Assert.Equal(1, _emulator.Host.Statistics.VolumeBackupsCreated(v)));
            Assert.NotEmpty(host.Host.Progress);
        }

        [Fact]
        public void A_missing_volume_fails_only_its_own_item()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var missing = "ocid1.volume.oc1.us-ashburn-1.doesnotexist0000000000";

            var output = host.Invoke($"'{Volume(4)}', '{missing}', '{Volume(5)}' | New-OciVolumeBackup -Session $session", out var errors);

            Assert.Equal(2, output.Count);
            var error = Assert.Single(errors);
            Assert.Equal("OciBackup.VolumeNotFound,OciBackup.Cmdlets.NewOciVolumeBackupCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(missing, error.TargetObject);
            Assert.Contains("NotAuthorizedOrNotFound", error.ToString());
            Assert.Contains("opc-request-id", error.ToString());
            Assert.False(string.IsNullOrEmpty(error.ErrorDetails.RecommendedAction));
        }

        [Fact]
        public void An_id_that_is_not_a_volume_ocid_fails_before_any_request()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var before = _emulator.Host.Statistics.Requests;

            host.Invoke("'ocid1.volumebackup.oc1.iad.abc', 'not-an-ocid' | New-OciVolumeBackup -Session $session", out var errors);

            Assert.Equal(2, errors.Count);
            Assert.All(errors, e => Assert.Equal("OciBackup.InvalidVolumeId,OciBackup.Cmdlets.NewOciVolumeBackupCommand", e.FullyQualifiedErrorId));
            Assert.All(errors, e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
            Assert.Equal("ocid1.volumebackup.oc1.iad.abc", errors[0].TargetObject);
            Assert.Contains("not of a volume", errors[0].ToString());
            Assert.Contains("'not-an-ocid' is not an OCID", errors[1].ToString());
            Assert.Equal(before, _emulator.Host.Statistics.Requests);
        }

        [Fact]
        public void A_bad_tag_stops_the_command_before_anything_is_sent()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var before = _emulator.Host.Statistics.Requests;

            host.Invoke("$args[0] | New-OciVolumeBackup -Session $session -FreeformTag @{ 'has space' = 'x' }", out var errors, Volume(6));

            var error = Assert.Single(errors);
            Assert.Equal("OciBackup.InvalidFreeformTags,OciBackup.Cmdlets.NewOciVolumeBackupCommand", error.FullyQualifiedErrorId);
            Assert.Equal(before, _emulator.Host.Statistics.Requests);
        }

        [Fact]
        public void Defined_tags_reach_the_service_as_strings()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);

            var output = host.Invoke("$args[0] | New-OciVolumeBackup -Session $session -DefinedTag @{ Operations = @{ CostCenter = 42; Nightly = $true } }", Volume(7));

            var defined = (System.Collections.Hashtable)Assert.Single(output).Prop("DefinedTags")!;
            var operations = (System.Collections.Hashtable)defined["Operations"]!;
            Assert.Equal("42", operations["CostCenter"]);
            Assert.Equal("true", operations["Nightly"]);
        }

        [Fact]
        public void The_same_run_key_never_makes_a_second_backup()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);

            var first = host.Invoke("$args[0] | New-OciVolumeBackup -Session $session -RunKey 'nightly-2026-11-23'", Volume(8));
            var second = host.Invoke("$args[0] | New-OciVolumeBackup -Session $session -RunKey 'nightly-2026-11-23'", Volume(8));

            Assert.Equal(first.Single().Prop("Id"), second.Single().Prop("Id"));
            Assert.Equal(1, _emulator.Host.Statistics.VolumeBackupsCreated(Volume(8)));
        }

        [Fact]
        public void The_session_works_in_parallel_runspaces_through_using()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var volumes = _emulator.Main.VolumeIds.Skip(120).Take(6).ToArray();

            var output = host.Invoke(
                "$manifest = $args[1]; $args[0] | ForEach-Object -ThrottleLimit 3 -Parallel { Import-Module $using:manifest; $_ | New-OciVolumeBackup -Session $using:session }",
                (object)volumes, ModuleHost.ManifestPath);

            Assert.Equal(volumes.OrderBy(v => v), output.Select(o => (string)o.Prop("VolumeId")!).OrderBy(v => v));
        }

        [Fact]
        public void PSDefaultParameterValues_supplies_the_session()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript + "; $PSDefaultParameterValues['*-Oci*:Session'] = $session");

            var output = host.Invoke("$args[0] | New-OciVolumeBackup", Volume(9));

            Assert.Equal(Volume(9), Assert.Single(output).Prop("VolumeId"));
        }
    }
}
