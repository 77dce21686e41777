using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    public class CancellationTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public CancellationTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        [Fact]
        public void Ctrl_C_stops_every_create_promptly_reports_what_was_sent_and_a_rerun_makes_no_duplicate()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var volumes = _emulator.Main.VolumeIds.Take(20).ToArray();
            var original = _emulator.Host.Faults;
            _emulator.Host.Faults = original with { LatencyMilliseconds = 1500 };
            var before = _emulator.Host.Statistics.Requests;
            TimeSpan stopTook;
            PSInvocationState state;
            try
            {
                using var shell = host.Begin("$args[0] | New-OciVolumeBackup -Session $session -RunKey 'stop-midway' -ThrottleLimit 8", (object)volumes);
                Assert.True(SpinWait.SpinUntil(() => _emulator.Host.Statistics.Requests >= before + 8, TimeSpan.FromSeconds(20)), "the creates never started");

                var clock = Stopwatch.StartNew();
                shell.Stop();
                stopTook = clock.Elapsed;
                state = shell.InvocationStateInfo.State;
            }
            finally
            {
                _emulator.Host.Faults = original;
            }

            Assert.Equal(PSInvocationState.Stopped, state);
            // StopProcessing waits at most half a second for cancelled calls; the bound leaves room for a slow machine.
            Assert.True(stopTook < TimeSpan.FromSeconds(2), $"Stop took {stopTook.TotalMilliseconds} ms");
            Assert.Contains("WARNING: Stopped.", host.Host.Text);
            Assert.Contains("had been sent without an answer and may have made a backup", host.Host.Text);
            Assert.Contains("Re-run with -RunKey 'stop-midway'", host.Host.Text);

            var rerun = host.Invoke("$args[0] | New-OciVolumeBackup -Session $session -RunKey 'stop-midway'", (object)volumes);

            Assert.Equal(volumes.Length, rerun.Count);
            Assert.All(volumes, v => Assert.Equal(1, _emulator.Host.Statistics.VolumeBackupsCreated(v)));
        }

        [Fact]
        public void Ctrl_C_stops_every_delete_promptly_says_to_run_it_again_and_a_rerun_deletes_the_rest()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var volumes = _emulator.Main.VolumeIds.Skip(100).Take(12).ToArray();
            var backups = host.Invoke("$args[0] | New-OciVolumeBackup -Session $session -Wait | ForEach-Object Id", (object)volumes)
                .Select(b => b.ToString()!).ToArray();
            Assert.Equal(volumes.Length, backups.Length);
            var original = _emulator.Host.Faults;
            _emulator.Host.Faults = original with { LatencyMilliseconds = 1500 };
            var before = _emulator.Host.Statistics.Requests;
            TimeSpan stopTook;
            PSInvocationState state;
            try
            {
                using var shell = host.Begin("$args[0] | Remove-OciVolumeBackup -Session $session -Force -Wait -ThrottleLimit 4", (object)backups);
                Assert.True(SpinWait.SpinUntil(() => _emulator.Host.Statistics.Requests >= before + 4, TimeSpan.FromSeconds(20)), "the deletes never started");

                var clock = Stopwatch.StartNew();
                shell.Stop();
                stopTook = clock.Elapsed;
                state = shell.InvocationStateInfo.State;
            }
            finally
            {
                _emulator.Host.Faults = original;
            }

            Assert.Equal(PSInvocationState.Stopped, state);
            Assert.True(stopTook < TimeSpan.FromSeconds(2), $"Stop took {stopTook.TotalMilliseconds} ms");
            Assert.Contains("WARNING: Stopped.", host.Host.Text);
            Assert.Contains("had been sent without an answer and may have deleted the backup", host.Host.Text);
            Assert.Contains("Run the same deletion again: a backup already gone counts as deleted.", host.Host.Text);
            Assert.Contains(backups, b => _emulator.Host.Statistics.DeletesOf(b) == 0);

            var rerun = host.Invoke("$args[0] | Remove-OciVolumeBackup -Session $session -Force -Wait; $args[0] | ForEach-Object { (Get-OciVolumeBackup $_ -Session $session).LifecycleState }", (object)backups);

            Assert.Equal(Enumerable.Repeat("TERMINATED", backups.Length), rerun.Select(r => r.ToString()));
            Assert.All(backups, b => Assert.Equal(1, _emulator.Host.Statistics.DeletesOf(b)));
        }
    }
}
