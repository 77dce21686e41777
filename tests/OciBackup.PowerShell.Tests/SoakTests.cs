using System;
using System.Linq;
using OciBackup.Emulator;
using Xunit;
using Xunit.Abstractions;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>A thousand volumes and a hostile service.</summary>
    public sealed class ThousandVolumesFixture : EmulatorFixture
    {
        protected override void Configure(EmulatorOptions options)
        {
            options.VolumesPerCompartment = 1000;
            options.VolumeGroupsPerCompartment = 0;
            options.BackupDuration = TimeSpan.FromSeconds(1);
            options.BackupDurationJitter = TimeSpan.FromSeconds(1);
            options.DefaultPageSize = 1000;
        }
    }

    public class SoakTests : IClassFixture<ThousandVolumesFixture>
    {
        private readonly ThousandVolumesFixture _emulator;
        private readonly ITestOutputHelper _output;

        public SoakTests(ThousandVolumesFixture emulator, ITestOutputHelper output)
        {
            _emulator = emulator;
            _output = output;
        }

        [Fact]
        public void A_thousand_volumes_through_drops_the_rate_limit_and_5xx_get_exactly_one_backup_each()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var volumes = _emulator.Main.VolumeIds.ToArray();
            var statistics = _emulator.Host.Statistics;
            var original = _emulator.Host.Faults;
            _emulator.Host.Faults = original with
            {
                DropResponseShare = 0.30,
                RateLimitPerSecond = 100,
                ServiceUnavailableShare = 0.025,
                InternalServerErrorShare = 0.025,
                LatencyMilliseconds = 15,
                LatencyJitterMilliseconds = 10,
            };
            System.Collections.Generic.IReadOnlyList<System.Management.Automation.PSObject> output;
            System.Collections.Generic.IReadOnlyList<System.Management.Automation.ErrorRecord> errors;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                output = host.Invoke("$args[0] | New-OciVolumeBackup -Session $session -ThrottleLimit 64 -Wait -Timeout 600", out errors, (object)volumes);
            }
            finally
            {
                _emulator.Host.Faults = original;
            }

            _output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s; {output.Count} written, {errors.Count} errors; faults {string.Join(", ", statistics.FaultCounts.Select(f => f.Key + "=" + f.Value))}; requests {statistics.Requests}");
            foreach (var error in errors.Take(5))
            {
                _output.WriteLine(error.FullyQualifiedErrorId + ": " + error);
            }

            // Every volume accounted for, in the output or the error stream.
            var written = output.Select(o => (string)o.Prop("VolumeId")!).ToList();
            var failed = errors.Select(e => e.TargetObject as string).Where(t => t != null).Select(t => t!).ToList();
            Assert.Equal(volumes.OrderBy(v => v), written.Concat(failed).OrderBy(v => v));
            Assert.All(output, o => Assert.Equal("AVAILABLE", o.Prop("LifecycleState")));

            // Exactly one backup per volume: no duplicates, none missing.
            Assert.Equal(1000, statistics.TotalVolumeBackups);
            Assert.All(volumes, v => Assert.Equal(1, statistics.VolumeBackupsCreated(v)));

            // The faults really happened.
            Assert.True(statistics.FaultCount(FaultKind.DroppedResponse) >= 200, "dropped responses: " + statistics.FaultCount(FaultKind.DroppedResponse));
            // The run met the rate limit; from then on the session keeps to it, so 429s are few rather than a storm.
            Assert.True(statistics.FaultCount(FaultKind.RateLimited) >= 1, "429s: " + statistics.FaultCount(FaultKind.RateLimited));
            Assert.True(statistics.FaultCount(FaultKind.ServiceUnavailable) + statistics.FaultCount(FaultKind.InternalServerError) >= 20, "5xx");
        }
    }
}
