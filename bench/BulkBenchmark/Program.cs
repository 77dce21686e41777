using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using OciBackup.Benchmarks;
using OciBackup.Emulator;
using static OciBackup.Benchmarks.BenchmarkArguments;

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
if (Switch(args, "--huawei"))
{
    return await HwcBulkBenchmark.RunAsync(args);
}

var volumes = Option(args, "--volumes", 500);
var rate = Option(args, "--rate", 100);
var latencyMs = Option(args, "--latency-ms", 50);
var backupSeconds = Option(args, "--backup-seconds", 3);
var serialSample = Option(args, "--serial-sample", 20);
var throttle = Option(args, "--throttle-limit", 32);
var waitSample = Option(args, "--wait-sample", 300);

var manifest = ModuleManifest();
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

using var shell = new HostedShell();
shell.Run("Import-Module $args[0] -ErrorAction Stop; $global:session = New-OciSession -ConfigFile $args[1] -Endpoint $args[2] -ErrorAction Stop",
    manifest, emulator.GeneratedConfigFile!, emulator.BaseAddress.GetLeftPart(UriPartial.Authority));

Console.WriteLine($"OciBackup bulk benchmark: {volumes} volumes, service rate limit {rate} req/s, latency {latencyMs} ms, backup duration {backupSeconds} s, -ThrottleLimit {throttle}");

var before = Snapshot(emulator);
var clock = Stopwatch.StartNew();
var output = shell.Run($"$args[0] | New-OciVolumeBackup -Session $session -Wait -ThrottleLimit {throttle} -Timeout 3600", (object)bulkVolumes);
var ours = clock.Elapsed;
var after = Snapshot(emulator);
var available = output.Count(o => (string?)o.Properties["LifecycleState"]?.Value == "AVAILABLE");
if (available != volumes || bulkVolumes.Any(v => emulator.Statistics.VolumeBackupsCreated(v) != 1))
{
    Console.Error.WriteLine($"The bulk run is wrong: {available} of {volumes} AVAILABLE.");
    return 1;
}

clock.Restart();
shell.Run("foreach ($volume in $args[0]) { New-OciVolumeBackup $volume -Session $session -Wait -Timeout 3600 }", (object)serialVolumes);
var serialSampleTime = clock.Elapsed;
var serial = TimeSpan.FromTicks(serialSampleTime.Ticks * volumes / Math.Max(1, serialSample));
var limit = TimeSpan.FromSeconds((double)volumes / rate + backupSeconds + latencyMs / 1000.0);

Console.WriteLine();
Console.WriteLine($"  ours (bulk, one pipeline)      {Seconds(ours),9} s   {after.Requests - before.Requests} requests ({after.Creates - before.Creates} creates, {after.Gets - before.Gets} gets, {after.Lists - before.Lists} lists), {after.Throttled - before.Throttled} answered 429");
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
    shell.Run("$global:created = $args[0] | New-OciVolumeBackup -Session $session -ThrottleLimit 32", (object)waitVolumes);
    var waitBefore = Snapshot(emulator);
    var waited = shell.Run($"{pipe} | Wait-OciBackup -Session $session -Timeout 3600");
    var waitAfter = Snapshot(emulator);
    if (waited.Count != waitVolumes.Length)
    {
        Console.Error.WriteLine($"The wait is wrong: {waited.Count} of {waitVolumes.Length} written.");
        return 1;
    }

    Console.WriteLine($"    piped as {what,-8}  {waitAfter.Requests - waitBefore.Requests,5} requests ({waitAfter.Gets - waitBefore.Gets} gets, {waitAfter.Lists - waitBefore.Lists} lists), {waitAfter.Throttled - waitBefore.Throttled} answered 429");
}
try
{
    Directory.Delete(directory, recursive: true);
}
catch (IOException)
{
}

return 0;

static (long Requests, long Creates, long Gets, long Lists, long Throttled) Snapshot(EmulatorHost emulator)
{
    var byOperation = emulator.Statistics.RequestsByOperation;
    long Count(string operation) => byOperation.TryGetValue(operation, out var n) ? n : 0;
    return (emulator.Statistics.Requests, Count("CreateVolumeBackup"), Count("GetVolumeBackup"), Count("ListVolumeBackups"), emulator.Statistics.FaultCount(FaultKind.RateLimited));
}
