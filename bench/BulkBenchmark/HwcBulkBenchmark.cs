using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OciBackup.Emulator;
using OciBackup.Emulator.Huawei;
using OciBackup.Bench;

namespace OciBackup.Benchmarks
{
    /// <summary>
    /// <c>--huawei</c>: backs up every EVS disk through VBS and waits until every backup is available, through the real
    /// New-HwcVolumeBackup in the hosted PowerShell engine, against the emulator's Huawei side with a set rate limit,
    /// latency, job start and backup duration. Prints, from one run: our time; the physical limit for that setting; the
    /// same job one disk at a time (measured on a sample and scaled); and the ratios.
    /// </summary>
    /// <remarks>
    /// The physical limit: VBS answers a create with a job, jobs are read one by one, and the backup is read by the id
    /// the job names, so each disk costs at least three requests (a create, one job read that finds SUCCESS, one backup
    /// read), and the service's rate limit allows so many a second. No backup is done before its job has started and
    /// run, and the last create goes out no sooner than disks ÷ rate. The limit is the larger of the two, plus one
    /// round trip.
    /// </remarks>
    internal static class HwcBulkBenchmark
    {
        private const int RequestsPerDisk = 3;

        public static async Task<int> RunAsync(BenchmarkArguments arguments)
        {
            var disks = arguments.Int("--disks", 500);
            var rate = arguments.Int("--rate", 100);
            var latencyMs = arguments.Int("--latency-ms", 50);
            var jobStartSeconds = arguments.Double("--job-start-seconds", 1.0);
            var backupSeconds = arguments.Double("--backup-seconds", 3.0);
            var serialSample = arguments.Int("--serial-sample", 20);
            var throttle = arguments.Int("--throttle-limit", 32);

            var directory = Path.Combine(Path.GetTempPath(), "ocibackup-hwc-bench-" + Guid.NewGuid().ToString("N"));
            var options = new EmulatorOptions { InitConfigDirectory = directory, VolumesPerCompartment = 1, VolumeGroupsPerCompartment = 0, RandomSeed = 7 };
            options.Huawei.Enabled = true;
            options.Huawei.Volumes = disks + serialSample;
            options.Huawei.Instances = 0;
            options.Huawei.JobStartDuration = TimeSpan.FromSeconds(jobStartSeconds);
            options.Huawei.BackupDuration = TimeSpan.FromSeconds(backupSeconds);
            options.Faults = new FaultSettings { RateLimitPerSecond = rate, LatencyMilliseconds = latencyMs };
            await using var emulator = await EmulatorHost.StartAsync(options);
            var huawei = emulator.Huawei!;
            var all = huawei.VolumeIds.ToArray();
            var bulkDisks = all.Take(disks).ToArray();
            var serialDisks = all.Skip(disks).Take(serialSample).ToArray();

            using var shell = HostedModule.Open(emulator);
            shell.Run("$global:hwc = New-HwcSession -Region $args[0] -ProjectId $args[1] -AccessKey $args[2] -SecretKey $args[3] -Endpoint $args[4] -ErrorAction Stop",
                huawei.Region, huawei.ProjectId, huawei.Credential.AccessKey, huawei.Credential.SecretKey,
                new System.Collections.Hashtable { ["vbs"] = huawei.VbsEndpoint.GetLeftPart(UriPartial.Authority), ["rds"] = huawei.RdsEndpoint.GetLeftPart(UriPartial.Authority) });

            Console.WriteLine($"OciBackup Huawei bulk benchmark: {disks} EVS disks through VBS, service rate limit {rate} req/s, latency {latencyMs} ms, " +
                $"job start {jobStartSeconds:0.##} s, backup duration {backupSeconds:0.##} s, -ThrottleLimit {throttle}");

            var before = Snapshot(huawei);
            var clock = Stopwatch.StartNew();
            var output = shell.Run($"$args[0] | New-HwcVolumeBackup -Name bench-bulk -Session $hwc -Wait -ThrottleLimit {throttle} -Timeout 3600 -Force", (object)bulkDisks);
            var ours = clock.Elapsed;
            var after = Snapshot(huawei);
            var available = output.Count(o => (string?)o.Properties["Status"]?.Value == "available");
            if (available != disks || bulkDisks.Any(d => huawei.VolumeBackupsCreated(d) != 1))
            {
                Console.Error.WriteLine($"The bulk run is wrong: {available} of {disks} available.");
                return 1;
            }

            clock.Restart();
            shell.Run("foreach ($disk in $args[0]) { New-HwcVolumeBackup $disk -Name bench-serial -Session $hwc -Wait -Timeout 3600 -Force }", (object)serialDisks);
            var serialSampleTime = clock.Elapsed;
            var serial = TimeSpan.FromTicks(serialSampleTime.Ticks * disks / Math.Max(1, serialSample));
            var byRate = (double)RequestsPerDisk * disks / rate;
            var byJobs = (double)disks / rate + jobStartSeconds + backupSeconds;
            var limit = TimeSpan.FromSeconds(Math.Max(byRate, byJobs) + latencyMs / 1000.0);

            Console.WriteLine();
            Console.WriteLine($"  ours (bulk, one pipeline)      {Seconds(ours),9} s   {after.Requests - before.Requests} requests ({after.Creates - before.Creates} creates, " +
                $"{after.Jobs - before.Jobs} job reads, {after.Backups - before.Backups} backup reads, {after.Lists - before.Lists} lists), {after.Throttled - before.Throttled} answered 429");
            Console.WriteLine($"  physical limit                 {Seconds(limit),9} s   = max({RequestsPerDisk} x {disks} / {rate} req/s, {disks} / {rate} req/s + {jobStartSeconds:0.##} s job start + {backupSeconds:0.##} s backup) + {latencyMs} ms round trip");
            Console.WriteLine($"  one disk at a time             {Seconds(serial),9} s   (measured {Seconds(serialSampleTime)} s for {serialSample} disks, scaled to {disks})");
            Console.WriteLine();
            Console.WriteLine($"  ours / physical limit          {ours.TotalSeconds / limit.TotalSeconds,9:0.00}x");
            Console.WriteLine($"  one at a time / ours           {serial.TotalSeconds / ours.TotalSeconds,9:0.0}x");
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }

            return 0;
        }

        private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

        private static (long Requests, long Creates, long Jobs, long Backups, long Lists, long Throttled) Snapshot(HuaweiSide huawei)
        {
            var byOperation = huawei.Statistics.RequestsByOperation;
            long Count(string operation) => byOperation.TryGetValue(operation, out var n) ? n : 0;
            return (huawei.Statistics.Requests, Count("CreateBackup"), Count("ShowJob"), Count("ShowBackup"), Count("ListBackupsDetails"), huawei.Statistics.ThrottledRequests);
        }
    }
}
