using System;
using System.Linq;
using System.Management.Automation;
using OciBackup.Emulator;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>Changes the emulator's faults at run time, so each test owns its emulator state in turn (one class, sequential tests).</summary>
    public class WaitOciBackupTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public WaitOciBackupTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        [Fact]
        public void Wait_switch_returns_available_backups()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var volumes = _emulator.Main.VolumeIds.Skip(50).Take(5).ToArray();

            var output = host.Invoke("$args[0] | New-OciVolumeBackup -Session $session -Wait -Timeout 60", (object)volumes);

            Assert.Equal(volumes.OrderBy(v => v), output.Select(o => (string)o.Prop("VolumeId")!).OrderBy(v => v));
            Assert.All(output, o => Assert.Equal("AVAILABLE", o.Prop("LifecycleState")));
            Assert.All(output, o => Assert.NotNull(o.Prop("SizeInGBs")));
            Assert.Contains(host.Host.Progress, p => p.Activity.Contains("Waiting for backups") && p.StatusDescription.Contains("of 5 done"));
        }

        [Fact]
        public void Wait_OciBackup_takes_objects_and_ids_from_the_pipeline()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);

            host.Invoke("$created = $args[0] | New-OciVolumeBackup -Session $session", (object)_emulator.Main.VolumeIds.Skip(56).Take(2).ToArray());
            var byObject = host.Invoke("$created | Wait-OciBackup -Session $session -Timeout 60");
            var byId = host.Invoke("$created.Id | Wait-OciBackup -Session $session -Timeout 60");
            var byProperty = host.Invoke("$created | ForEach-Object { [pscustomobject]@{ Id = $_.Id } } | Wait-OciBackup -Session $session");

            foreach (var output in new[] { byObject, byId, byProperty })
            {
                Assert.Equal(2, output.Count);
                Assert.All(output, o => Assert.Equal("AVAILABLE", o.Prop("LifecycleState")));
            }
        }

        [Fact]
        public void Waiting_on_many_ids_gets_one_to_find_their_compartment_and_lists_the_rest()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            host.Invoke("$script:created = $args[0] | New-OciVolumeBackup -Session $session", (object)_emulator.Main.VolumeIds.Skip(100).Take(30).ToArray());
            var before = _emulator.Host.Statistics.RequestsByOperation;

            var output = host.Invoke("$script:created.Id | Wait-OciBackup -Session $session -Timeout 60");

            var after = _emulator.Host.Statistics.RequestsByOperation;
            long Sent(string operation) => (after.TryGetValue(operation, out var n) ? n : 0) - (before.TryGetValue(operation, out var m) ? m : 0);
            Assert.Equal(30, output.Count);
            Assert.All(output, o => Assert.Equal("AVAILABLE", o.Prop("LifecycleState")));
            // Before lists took over, each id cost a get of its own in the first round (30 here, 300 for 300).
            Assert.InRange(Sent("GetVolumeBackup"), 1, 2);
            Assert.InRange(Sent("ListVolumeBackups"), 1, 15);
        }

        [Fact]
        public void A_faulty_backup_fails_only_its_own_item()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var good = _emulator.Main.VolumeIds[61];
            var original = _emulator.Host.Faults;
            _emulator.Host.Faults = original with { FaultyBackupShare = 1 };
            try
            {
                host.Invoke("$script:faulty = $args[0] | New-OciVolumeBackup -Session $session", _emulator.Main.VolumeIds[62]);
            }
            finally
            {
                _emulator.Host.Faults = original;
            }

            host.Invoke("$script:good = $args[0] | New-OciVolumeBackup -Session $session", good);
            var output = host.Invoke("$script:faulty, $script:good | Wait-OciBackup -Session $session -Timeout 60", out var errors);

            Assert.Equal(good, Assert.Single(output).Prop("VolumeId"));
            var error = Assert.Single(errors);
            Assert.Equal("OciBackup.BackupFaulty,OciBackup.Cmdlets.WaitOciBackupCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.Contains("FAULTY", error.ToString());
        }

        [Fact]
        public void With_wait_a_faulty_backup_among_many_fails_only_its_own_volume()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var volumes = _emulator.Main.VolumeIds.Skip(70).Take(12).ToArray();
            var original = _emulator.Host.Faults;
            _emulator.Host.Faults = original with { FaultyBackupShare = 0.5 };
            System.Collections.Generic.IReadOnlyList<PSObject> output;
            System.Collections.Generic.IReadOnlyList<ErrorRecord> errors;
            try
            {
                output = host.Invoke("$args[0] | New-OciVolumeBackup -Session $session -Wait -Timeout 60", out errors, (object)volumes);
            }
            finally
            {
                _emulator.Host.Faults = original;
            }

            Assert.Equal(volumes.Length, output.Count + errors.Count);
            Assert.NotEmpty(errors);
            Assert.NotEmpty(output);
            Assert.All(errors, e => Assert.Equal("OciBackup.BackupFaulty,OciBackup.Cmdlets.NewOciVolumeBackupCommand", e.FullyQualifiedErrorId));
            Assert.All(output, o => Assert.Equal("AVAILABLE", o.Prop("LifecycleState")));
            var failedVolumes = errors.Select(e => (string)e.TargetObject).ToList();
            Assert.Equal(volumes.OrderBy(v => v), output.Select(o => (string)o.Prop("VolumeId")!).Concat(failedVolumes).OrderBy(v => v));
        }

        [Fact]
        public void A_timeout_fails_the_backups_still_pending_and_says_which()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);

            var output = host.Invoke("$args[0] | New-OciVolumeBackup -Session $session | Wait-OciBackup -Session $session -Timeout 0.2", out var errors, _emulator.Main.VolumeIds[85]);

            Assert.Empty(output);
            var error = Assert.Single(errors);
            Assert.Equal("OciBackup.WaitTimedOut,OciBackup.Cmdlets.WaitOciBackupCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Contains("ocid1.volumebackup.", error.ToString());
        }

        [Fact]
        public void A_group_backup_is_waited_for_through_committed_to_available()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);

            var output = host.Invoke("$args[0] | New-OciVolumeGroupBackup -Session $session -Wait -Timeout 60", _emulator.Main.VolumeGroupIds[0]);

            var backup = Assert.Single(output);
            Assert.Equal("AVAILABLE", backup.Prop("LifecycleState"));
            Assert.Equal(3, ((System.Collections.IList)backup.Prop("VolumeBackupIds")!).Count);
        }

        [Fact]
        public void An_id_that_is_not_a_backup_ocid_fails_on_its_own()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);

            host.Invoke("'ocid1.volume.oc1.iad.abc' | Wait-OciBackup -Session $session", out var errors);

            var error = Assert.Single(errors);
            Assert.Equal("OciBackup.InvalidBackupId,OciBackup.Cmdlets.WaitOciBackupCommand", error.FullyQualifiedErrorId);
        }
    }
}
