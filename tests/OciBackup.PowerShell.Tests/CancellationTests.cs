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
            StopOnceSent(host, "$args[0] | New-OciVolumeBackup -Session $session -RunKey 'stop-midway' -ThrottleLimit 8", volumes, 8);

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
            StopOnceSent(host, "$args[0] | Remove-OciVolumeBackup -Session $session -Force -Wait -ThrottleLimit 4", backups, 4);

            Assert.Contains("WARNING: Stopped.", host.Host.Text);
            Assert.Contains("had been sent without an answer and may have deleted the backup", host.Host.Text);
            Assert.Contains("Run the same deletion again: a backup already gone counts as deleted.", host.Host.Text);
            Assert.Contains(backups, b => _emulator.Host.Statistics.DeletesOf(b) == 0);

            var rerun = host.Invoke("$args[0] | Remove-OciVolumeBackup -Session $session -Force -Wait; $args[0] | ForEach-Object { (Get-OciVolumeBackup $_ -Session $session).LifecycleState }", (object)backups);

            Assert.Equal(Enumerable.Repeat("TERMINATED", backups.Length), rerun.Select(r => r.ToString()));
            Assert.All(backups, b => Assert.Equal(1, _emulator.Host.Statistics.DeletesOf(b)));
        }

        /// <summary>
        /// Runs <paramref name="script"/> over <paramref name="items"/> with every request slowed down, presses Ctrl+C once
        /// <paramref name="sent"/> requests have reached the emulator, and checks that the command stopped promptly.
        /// </summary>
        private void StopOnceSent(ModuleHost host, string script, string[] items, int sent)
        {
            var original = _emulator.Host.Faults;
            _emulator.Host.Faults = original with { LatencyMilliseconds = 1500 };
            var before = _emulator.Host.Statistics.Requests;
            TimeSpan stopTook;
            PSInvocationState state;
            try
            {
                using var shell = host.Begin(script, (object)items);
                Assert.True(SpinWait.SpinUntil(() => _emulator.Host.Statistics.Requests >= before + sent, TimeSpan.FromSeconds(20)), "the calls never started");

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
        }
    }
}
