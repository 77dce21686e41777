using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OciBackup.Emulator;
using Xunit;
using Xunit.Abstractions;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>The emulator's Huawei side with 300 EVS disks and 200 RDS instances, and a script line that makes $hwc for it.</summary>
    public sealed class HuaweiSoakFixture : EmulatorFixture
    {
        public OciBackup.Emulator.Huawei.HuaweiSide Huawei => Host.Huawei!;

        /// <summary>A script line that makes $hwc, a session for the Huawei side with its generated AK/SK.</summary>
        public string HwcSessionScript =>
            $"$hwc = New-HwcSession -Region '{Huawei.Region}' -ProjectId '{Huawei.ProjectId}' -AccessKey '{Huawei.Credential.AccessKey}' -SecretKey '{Huawei.Credential.SecretKey}' " +
            $"-Endpoint @{{ vbs = '{Huawei.VbsEndpoint.GetLeftPart(UriPartial.Authority)}'; rds = '{Huawei.RdsEndpoint.GetLeftPart(UriPartial.Authority)}' }}";

        protected override void Configure(EmulatorOptions options)
        {
            options.VolumesPerCompartment = 1;
            options.VolumeGroupsPerCompartment = 0;
            options.Huawei.Enabled = true;
            options.Huawei.Volumes = 300;
            options.Huawei.Instances = 200;
            options.Huawei.JobStartDuration = TimeSpan.FromMilliseconds(500);
            options.Huawei.BackupDuration = TimeSpan.FromSeconds(1);
        }
    }

    /// <summary>
    /// Exactly once without retry tokens, at scale: hundreds of disks and instances through the real cmdlets while the
    /// service loses 30 % of the answers to creates, rate limits, answers 5xx before and after doing the work. The
    /// emulator's counters say how many backups each disk and instance got.
    /// </summary>
    public class HwcSoakTests : IClassFixture<HuaweiSoakFixture>
    {
        private readonly HuaweiSoakFixture _emulator;
        private readonly ITestOutputHelper _output;

        public HwcSoakTests(HuaweiSoakFixture emulator, ITestOutputHelper output)
        {
            _emulator = emulator;
            _output = output;
        }

        [Fact]
        public void Three_hundred_disks_and_two_hundred_instances_through_lost_answers_429s_and_5xx_get_exactly_one_backup_each()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.HwcSessionScript);
            var huawei = _emulator.Huawei;
            var disks = huawei.VolumeIds.ToArray();
            var instances = huawei.InstanceIds.ToArray();
            var statistics = _emulator.Host.Statistics;
            var original = _emulator.Host.Faults;
            _emulator.Host.Faults = original with
            {
                DropResponseShare = 0.30,
                ErrorAfterWriteShare = 0.05,
                RateLimitPerSecond = 150,
                ServiceUnavailableShare = 0.025,
                InternalServerErrorShare = 0.025,
                LatencyMilliseconds = 15,
                LatencyJitterMilliseconds = 10,
            };
            IReadOnlyList<PSObject> diskOutput;
            IReadOnlyList<PSObject> rdsOutput;
            IReadOnlyList<ErrorRecord> diskErrors;
            IReadOnlyList<ErrorRecord> rdsErrors;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                diskOutput = host.Invoke("$args[0] | New-HwcVolumeBackup -Session $hwc -Name soak-disks -ThrottleLimit 64 -Wait -Timeout 600 -Force -Verbose", out diskErrors, (object)disks);
                rdsOutput = host.Invoke("$args[0] | New-HwcRdsBackup -Session $hwc -Name soak-instances -ThrottleLimit 64 -Wait -Timeout 600 -Force -Verbose", out rdsErrors, (object)instances);
            }
            finally
            {
                _emulator.Host.Faults = original;
            }

            _output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s; {diskOutput.Count} + {rdsOutput.Count} written, {diskErrors.Count} + {rdsErrors.Count} errors; " +
                $"faults {string.Join(", ", statistics.FaultCounts.Select(f => f.Key + "=" + f.Value))}; Huawei requests {huawei.Statistics.Requests}, 429s {huawei.Statistics.ThrottledRequests}");
            foreach (var error in diskErrors.Concat(rdsErrors).Take(5))
            {
                _output.WriteLine(error.FullyQualifiedErrorId + ": " + error);
            }

            // Every disk and instance written once, done, and none failed.
            Assert.Empty(diskErrors.Concat(rdsErrors).Select(e => e.FullyQualifiedErrorId + ": " + e));
            Assert.Equal(disks.OrderBy(d => d), diskOutput.Select(o => (string)o.Prop("VolumeId")!).OrderBy(d => d));
            Assert.Equal(instances.OrderBy(i => i), rdsOutput.Select(o => (string)o.Prop("InstanceId")!).OrderBy(i => i));
            Assert.All(diskOutput, o => Assert.Equal("available", o.Prop("Status")));
            Assert.All(rdsOutput, o => Assert.Equal("COMPLETED", o.Prop("Status")));

            // Exactly one backup per disk and per instance: no duplicates, none missing.
            Assert.All(disks, d => Assert.Equal(1, huawei.VolumeBackupsCreated(d)));
            Assert.All(instances, i => Assert.Equal(1, huawei.RdsBackupsCreated(i)));

            // The faults really happened, and lost creates were found rather than sent again.
            Assert.True(statistics.FaultCount(FaultKind.DroppedResponse) >= 100, "dropped responses: " + statistics.FaultCount(FaultKind.DroppedResponse));
            Assert.True(statistics.FaultCount(FaultKind.ErrorAfterWrite) >= 5, "500s after the work: " + statistics.FaultCount(FaultKind.ErrorAfterWrite));
            // The run met the rate limit; from then on the session keeps to it, so 429s are few rather than a storm.
            Assert.True(huawei.Statistics.ThrottledRequests >= 1, "429s: " + huawei.Statistics.ThrottledRequests);
            Assert.True(statistics.FaultCount(FaultKind.ServiceUnavailable) + statistics.FaultCount(FaultKind.InternalServerError) >= 20, "5xx");
            Assert.Contains("was found", host.Host.Text, StringComparison.Ordinal);
        }
    }
}
