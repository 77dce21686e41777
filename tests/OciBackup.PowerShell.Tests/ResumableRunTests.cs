using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    public class ResumableRunTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public ResumableRunTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        private static string ScriptHost
        {
            get
            {
                // The same configuration as this test assembly (bin/<Configuration>/net10.0).
                var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)).Parent!.Name;
                return Path.Combine(ModuleHost.RepositoryRoot, "tests", "OciBackup.ScriptHost", "bin", configuration, "net10.0", "OciBackup.ScriptHost.dll");
            }
        }

        [Fact]
        public void A_run_killed_midway_and_started_again_with_its_run_key_makes_one_backup_per_volume()
        {
            var volumes = _emulator.Main.VolumeIds.Skip(40).Take(40).ToArray();
            var statistics = _emulator.Host.Statistics;
            var script = Path.Combine(Path.GetTempPath(), "ocibackup-resume-" + Guid.NewGuid().ToString("N") + ".ps1");
            File.WriteAllText(script, string.Join("\n",
                $"Import-Module '{ModuleHost.ManifestPath}' -ErrorAction Stop",
                $"$session = New-OciSession -ConfigFile '{_emulator.ConfigFile}' -Endpoint '{_emulator.Endpoint}'",
                $"@('{string.Join("','", volumes)}') | New-OciVolumeBackup -Session $session -RunKey 'nightly-2026-11-23' -ThrottleLimit 2"));
            var original = _emulator.Host.Faults;
            _emulator.Host.Faults = original with { LatencyMilliseconds = 150 };
            try
            {
                using var run = Process.Start(new ProcessStartInfo("dotnet", $"\"{ScriptHost}\" \"{script}\"") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
                var transcript = new System.Collections.Concurrent.ConcurrentQueue<string>();
                run.OutputDataReceived += (_, e) => transcript.Enqueue(e.Data ?? string.Empty);
                run.ErrorDataReceived += (_, e) => transcript.Enqueue(e.Data ?? string.Empty);
                run.BeginOutputReadLine();
                run.BeginErrorReadLine();
                var started = SpinWait.SpinUntil(() => volumes.Count(v => statistics.VolumeBackupsCreated(v) > 0) >= 8, TimeSpan.FromSeconds(60));
                run.Kill(entireProcessTree: true);
                run.WaitForExit();
                Assert.True(started, "the first run never got going: " + string.Join("\n", transcript));
            }
            finally
            {
                _emulator.Host.Faults = original;
                File.Delete(script);
            }

            var doneBefore = volumes.Count(v => statistics.VolumeBackupsCreated(v) > 0);
            Assert.InRange(doneBefore, 8, volumes.Length - 1);

            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var rerun = host.Invoke("$args[0] | New-OciVolumeBackup -Session $session -RunKey 'nightly-2026-11-23'", (object)volumes);

            Assert.Equal(volumes.Length, rerun.Count);
            Assert.All(volumes, v => Assert.Equal(1, statistics.VolumeBackupsCreated(v)));
        }
    }
}
