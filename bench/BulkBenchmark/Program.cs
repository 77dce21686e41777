using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using OciBackup.Bench;
using OciBackup.Emulator;

// dotnet run -c Release --project bench/BulkBenchmark [-- --volumes 500 --rate 100 --latency-ms 50 --backup-seconds 3 --serial-sample 20 --wait-sample 300]
// dotnet run -c Release --project bench/BulkBenchmark -- --huawei [--disks 500 ...]: the same for Huawei Cloud's EVS disks (HwcBulkBenchmark.cs)
//
// Creates a backup of every volume and waits until all are AVAILABLE, through the real cmdlets in the
// hosted PowerShell engine, against the emulator with a set per-request latency, backup duration and
// service rate limit. Prints, from one run: our time; the physical limit for that setting (volumes ÷
// rate limit + one backup duration + one round trip); the same job done one volume at a time (create,
// wait, next — measured on a sample of volumes and scaled, since it is linear and would take tens of
// minutes in full); and the ratios. Then the requests Wait-OciBackup sends for backups still on their way,
// piped as ids and as objects, against the gets a poll of each would take.
var arguments = new BenchmarkArguments(args);
if (arguments.Has("--huawei"))
{
    return await OciBackup.Benchmarks.HwcBulkBenchmark.RunAsync(arguments);
}

var volumes = arguments.Int("--volumes", 500);
var rate = arguments.Int("--rate", 100);
var latencyMs = arguments.Int("--latency-ms", 50);
var backupSeconds = arguments.Int("--backup-seconds", 3);
var serialSample = arguments.Int("--serial-sample", 20);
var throttle = arguments.Int("--throttle-limit", 32);
var waitSample = arguments.Int("--wait-sample", 300);

var directory = Path.Combine(Path.GetTempPath(), "ocibackup-bench-" + Guid.NewGuid().ToString("N"));
var options = new EmulatorOptions
{
    InitConfigDirectory = directory,
    BackupDuration = TimeSpan.FromSeconds(backupSeconds),
    VolumesPerCompartment = volumes + serialSample,
    VolumeGroupsPerCompartment = 0,
    DefaultPageSize = 1000,
    RandomSeed = 7,
};
options.CompartmentNames.Add("bench");
options.Faults = new FaultSettings { RateLimitPerSecond = rate, LatencyMilliseconds = latencyMs };
await using var emulator = await EmulatorHost.StartAsync(options);
var all = emulator.Compartments.Single().VolumeIds.ToArray();
var bulkVolumes = all.Take(volumes).ToArray();
var serialVolumes = all.Skip(volumes).Take(serialSample).ToArray();

using var module = HostedModule.Open(emulator);

Console.WriteLine($"OciBackup bulk benchmark: {volumes} volumes, service rate limit {rate} req/s, latency {latencyMs} ms, backup duration {backupSeconds} s, -ThrottleLimit {throttle}");

var before = RequestCounts.Of(emulator);
var clock = Stopwatch.StartNew();
var output = module.Run($"$args[0] | New-OciVolumeBackup -Session $session -Wait -ThrottleLimit {throttle} -Timeout 3600", (object)bulkVolumes);
var ours = clock.Elapsed;
var after = RequestCounts.Of(emulator);
var available = output.Count(o => (string?)o.Properties["LifecycleState"]?.Value == "AVAILABLE");
if (available != volumes || bulkVolumes.Any(v => emulator.Statistics.VolumeBackupsCreated(v) != 1))
{
    Console.Error.WriteLine($"The bulk run is wrong: {available} of {volumes} AVAILABLE.");
    return 1;
}

clock.Restart();
module.Run("foreach ($volume in $args[0]) { New-OciVolumeBackup $volume -Session $session -Wait -Timeout 3600 }", (object)serialVolumes);
var serialSampleTime = clock.Elapsed;
var serial = TimeSpan.FromTicks(serialSampleTime.Ticks * volumes / Math.Max(1, serialSample));
var limit = TimeSpan.FromSeconds((double)volumes / rate + backupSeconds + latencyMs / 1000.0);

Console.WriteLine();
var sent = after - before;
Console.WriteLine($"  ours (bulk, one pipeline)      {Seconds(ours),9} s   {sent.Requests} requests ({sent["CreateVolumeBackup"]} creates, {sent["GetVolumeBackup"]} gets, {sent["ListVolumeBackups"]} lists), {sent.Throttled} answered 429");
Console.WriteLine($"  physical limit                 {Seconds(limit),9} s   = {volumes} / {rate} req/s + {backupSeconds} s backup + {latencyMs} ms round trip");
Console.WriteLine($"  one volume at a time           {Seconds(serial),9} s   (measured {Seconds(serialSampleTime)} s for {serialSample} volumes, scaled to {volumes})");
Console.WriteLine();
Console.WriteLine($"  ours / physical limit          {ours.TotalSeconds / limit.TotalSeconds,9:0.00}x  (goal <= 1.15x: {(ours.TotalSeconds / limit.TotalSeconds <= 1.15 ? "met" : "NOT met")})");
Console.WriteLine($"  one at a time / ours           {serial.TotalSeconds / ours.TotalSeconds,9:0.0}x  (goal >= 5x: {(serial.TotalSeconds / ours.TotalSeconds >= 5 ? "met" : "NOT met")})");

// Waiting on backups still on their way, as a runbook that creates first and waits later does. Each wait gets
// its own fresh backups, so both start from the same place.
var waitVolumes = bulkVolumes.Take(Math.Min(waitSample, bulkVolumes.Length)).ToArray();
Console.WriteLine();
Console.WriteLine($"  Wait-OciBackup on {waitVolumes.Length} backups still on their way (polling each with a get: {waitVolumes.Length} requests a round):");
foreach (var (what, pipe) in new[] { ("ids", "$created.Id"), ("objects", "$created") })
{
    module.Run("$global:created = $args[0] | New-OciVolumeBackup -Session $session -ThrottleLimit 32", (object)waitVolumes);
    var waitBefore = RequestCounts.Of(emulator);
    var waited = module.Run($"{pipe} | Wait-OciBackup -Session $session -Timeout 3600");
    var waitAfter = RequestCounts.Of(emulator);
    if (waited.Count != waitVolumes.Length)
    {
        Console.Error.WriteLine($"The wait is wrong: {waited.Count} of {waitVolumes.Length} written.");
        return 1;
    }

    var waitSent = waitAfter - waitBefore;
    Console.WriteLine($"    piped as {what,-8}  {waitSent.Requests,5} requests ({waitSent["GetVolumeBackup"]} gets, {waitSent["ListVolumeBackups"]} lists), {waitSent.Throttled} answered 429");
}
try
{
    Directory.Delete(directory, recursive: true);
}
catch (IOException)
{
}

return 0;

static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
