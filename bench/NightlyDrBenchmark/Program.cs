using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.Logging;
using OciBackup.Bench;
using OciBackup.Bench.NightlyDr;
using OciBackup.Emulator;
using OciBackup.Emulator.Inventory;

// dotnet build OciBackup.sln -c Release && dotnet run -c Release --no-build --project bench/NightlyDrBenchmark
//   [-- --volumes 500 --history-days 30 --keep 7 --rate 100 --latency-ms 50 --backup-seconds 3 --copy-seconds 5 --delete-seconds 1]
//
// The nightly disaster-recovery job of a runbook, through the real cmdlets in the hosted PowerShell engine, against a
// two-region emulator (us-ashburn-1 with the volumes, us-phoenix-1 for DR) whose volumes each have a backup a day
// for the last --history-days days:
//   1. back up every volume and wait:        $volumes | New-OciVolumeBackup -Wait
//   2. copy the new backups to DR and wait:  $backups | Copy-OciVolumeBackup -DestinationRegion us-phoenix-1 -Wait
//   3. prune the history to --keep a volume: Get-OciVolumeBackup -CompartmentId $c | Select-OciBackupToRemove -KeepLast 7 |
//                                             Remove-OciVolumeBackup -Force -Wait
// Each phase runs with the cmdlets' defaults, as a runbook would, and is checked for being right (every volume backed
// up once, every new backup copied once, every volume left with exactly its newest --keep, the new one among them)
// before its numbers count.
//
// The physical limit of a phase is derived from the settings alone, as the least time any client could take:
//   - The service answers at most --rate requests a second, both regions together (one token bucket, as a tenancy's
//     limit is one), and the bucket holds one second's worth, full when the phase begins (the program pauses a second
//     between phases, untimed, so that it is). R requests therefore cannot all have been let in before (R - rate) / rate.
//   - Every request is held --latency-ms before the service acts on it, so the last write is acted on one round trip
//     after it was let in; list pages that must follow one another (a page token each) cost a round trip apiece.
//   - The work of the last write then takes its duration (--backup-seconds, --copy-seconds, --delete-seconds) from the
//     moment the service acts on it, and a poll that arrives then sees it done.
//   limit = max((R - rate) / rate, sequential pages x latency) + latency + duration
// where R counts only what the job cannot do without: one create per volume, one copy per new backup, one delete per
// backup pruned, and the pages of the list that finds the history (pages that also follow one another). Polls are
// left out, as if the client knew when each backup is done, so no client reaches the limit. The job's limit is the
// sum of its phases'.
//
// The request bound is the issue's "creates + copies + deletes + list pages per round", reckoned from what happened:
// the writes the job needs, plus, for every round of polling the emulator saw (a list of a region's backups asked for
// from its first page; a search such as the copy's look for earlier copies, or the list that finds the history,
// counts as a round too), the pages it takes at 1000 a page to reach the oldest backup that may be waited for: one
// page for new backups and copies, which are the newest, and the whole history for deletions, which reach back to
// its oldest (a deleted backup stays listed, TERMINATED, for an hour). Every other request counts against it: a get,
// a page more than that, a request answered 429.
//
// --timeline adds, per phase, when each kind of request was answered (a count per second), to see where time went.
var arguments = new BenchmarkArguments(args);
var volumeCount = arguments.Int("--volumes", 500);
var historyDays = arguments.Int("--history-days", 30);
var keep = arguments.Int("--keep", 7);
var timeline = args.Contains("--timeline");
var settings = new ServiceSettings(
    RateLimit: arguments.Int("--rate", 100),
    Latency: TimeSpan.FromMilliseconds(arguments.Int("--latency-ms", 50)),
    BackupDuration: TimeSpan.FromSeconds(arguments.Double("--backup-seconds", 3)),
    CopyDuration: TimeSpan.FromSeconds(arguments.Double("--copy-seconds", 5)),
    DeleteDuration: TimeSpan.FromSeconds(arguments.Double("--delete-seconds", 1)),
    PageSize: 1000);
const string Home = "us-ashburn-1";
const string Dr = "us-phoenix-1";

var compartment = new SeedCompartment { Name = "nightly" };
for (var v = 1; v <= volumeCount; v++)
{
    var volume = new SeedVolume { DisplayName = $"app-{v:000}", FreeformTags = { ["backup"] = "nightly" } };
    for (var day = historyDays; day >= 1; day--)
    {
        volume.Backups.Add(new SeedVolumeBackup { DisplayName = $"app-{v:000} nightly -{day}d", AgeDays = day });
    }

    compartment.Volumes.Add(volume);
}

var requestLog = new RequestLog();
var directory = Path.Combine(Path.GetTempPath(), "ocibackup-nightly-" + Guid.NewGuid().ToString("N"));
var options = new EmulatorOptions
{
    Region = Home,
    InitConfigDirectory = directory,
    Seed = new EmulatorSeed { Compartments = { compartment } },
    BackupDuration = settings.BackupDuration,
    CopyDuration = settings.CopyDuration,
    DeleteDuration = settings.DeleteDuration,
    RandomSeed = 7,
    LogLevel = LogLevel.Debug,
    ConfigureLogging = logging => logging.AddProvider(requestLog),
    Faults = new FaultSettings { RateLimitPerSecond = settings.RateLimit, LatencyMilliseconds = (int)settings.Latency.TotalMilliseconds },
};
options.AdditionalRegions.Add(Dr);
await using var emulator = await EmulatorHost.StartAsync(options);
var compartmentId = emulator.Compartments.Single().Id;
var volumes = emulator.Compartments.Single().VolumeIds.ToArray();
using var module = HostedModule.Open(emulator);

Console.WriteLine($"OciBackup nightly DR benchmark: {volumeCount} volumes in {Home}, each with a backup a day for {historyDays} days; DR region {Dr}.");
Console.WriteLine($"Service: rate limit {settings.RateLimit} req/s (both regions), latency {ServiceSettings.Milliseconds(settings.Latency)}, "
    + $"backup {ServiceSettings.Seconds(settings.BackupDuration)}, copy {ServiceSettings.Seconds(settings.CopyDuration)}, delete {ServiceSettings.Seconds(settings.DeleteDuration)}.");
Console.WriteLine();

var phases = new List<PhaseResult>();

// 1. Back up every volume and wait.
var phase = Measure("($global:backups = $args[0] | New-OciVolumeBackup -Session $session -Wait)", (object)volumes);
var backups = phase.Output.Where(o => (string?)o.Properties["LifecycleState"]?.Value == "AVAILABLE").Select(o => (string)o.Properties["Id"].Value).ToList();
Check(backups.Count == volumeCount && volumes.All(v => emulator.Statistics.VolumeBackupsCreated(v) == 1),
    $"phase 1: {backups.Count} of {volumeCount} backups AVAILABLE, or a volume backed up other than once");
var rounds = phase.Sweeps(Home);
phases.Add(new PhaseResult($"1. Back up {volumeCount} volumes and wait (New-OciVolumeBackup -Wait)", phase.Elapsed,
    settings.Limit(volumeCount, 0, settings.BackupDuration), phase.Sent,
    new RequestBound(volumeCount + rounds * settings.Pages(volumeCount),
        $"{volumeCount} creates + {rounds} rounds x {settings.Pages(volumeCount)} page (the new backups are the newest)")));

// 2. Copy the new backups to the DR region and wait there.
phase = Measure($"$backups | Copy-OciVolumeBackup -Session $session -DestinationRegion {Dr} -Wait");
var copies = phase.Output.Where(o => (string?)o.Properties["LifecycleState"]?.Value == "AVAILABLE" && (string?)o.Properties["Region"]?.Value == Dr).ToList();
Check(copies.Count == volumeCount && backups.All(b => emulator.Statistics.CopiesMade(b) == 1),
    $"phase 2: {copies.Count} of {volumeCount} copies AVAILABLE in {Dr}, or a backup copied other than once");
rounds = phase.Sweeps(Dr);
phases.Add(new PhaseResult($"2. Copy the {volumeCount} new backups to {Dr} and wait (Copy-OciVolumeBackup -DestinationRegion -Wait)", phase.Elapsed,
    settings.Limit(volumeCount, 0, settings.CopyDuration), phase.Sent,
    new RequestBound(volumeCount + rounds * settings.Pages(volumeCount),
        $"{volumeCount} copies + {rounds} rounds x {settings.Pages(volumeCount)} page (the look for earlier copies is one of them)")));

// 3. Prune the history to the newest --keep of each volume, and wait until the others are TERMINATED.
var listed = (long)volumeCount * (historyDays + 1);
var pruned = (long)volumeCount * Math.Max(0, historyDays + 1 - keep);
var deletedBefore = emulator.Statistics.TotalVolumeBackupsDeleted;
phase = Measure($"Get-OciVolumeBackup -Session $session -CompartmentId $args[0] | Select-OciBackupToRemove -KeepLast {keep} | Remove-OciVolumeBackup -Session $session -Force -Wait",
    compartmentId);
var left = module.Run("Get-OciVolumeBackup -Session $session -CompartmentId $args[0] -LifecycleState AVAILABLE", compartmentId)
    .GroupBy(o => (string)o.Properties["VolumeId"].Value)
    .ToDictionary(g => g.Key, g => g.Select(o => (string)o.Properties["Id"].Value).ToHashSet());
Check(emulator.Statistics.TotalVolumeBackupsDeleted - deletedBefore == pruned
        && volumes.All(v => left.TryGetValue(v, out var kept) && kept.Count == keep)
        && backups.All(b => left.Values.Any(kept => kept.Contains(b))),
    $"phase 3: {emulator.Statistics.TotalVolumeBackupsDeleted - deletedBefore} of {pruned} backups deleted, or a volume left with other than its newest {keep}");
var findPages = settings.Pages(listed);
rounds = phase.Sweeps(Home) - 1;
phases.Add(new PhaseResult($"3. Prune to the newest {keep} of each volume and wait (Get-OciVolumeBackup | Select-OciBackupToRemove | Remove-OciVolumeBackup -Wait)",
    phase.Elapsed, settings.Limit(pruned + findPages, (int)findPages, settings.DeleteDuration), phase.Sent,
    new RequestBound(pruned + findPages + rounds * findPages,
        $"{pruned} deletes + {findPages} pages to find the history + {rounds} rounds x {findPages} pages (the history is listed to its oldest)")));

foreach (var result in phases)
{
    result.Print();
}

var job = new PhaseResult($"The job ({phases.Count} phases)", TimeSpan.FromTicks(phases.Sum(p => p.Elapsed.Ticks)),
    new PhysicalLimit(TimeSpan.FromTicks(phases.Sum(p => p.Limit.Time.Ticks)), "the sum of the phases'"), PhaseResult.Sum(phases),
    new RequestBound(phases.Sum(p => p.Bound.Requests), "the sum of the phases'"));
job.Print();
var ratio = job.Ratio;
var sent = job.Sent;
var bound = job.Bound.Requests;
var fast = ratio <= 1.2;
var frugal = sent.Requests <= bound;
Console.WriteLine($"{(fast ? "PASS" : "FAIL")}: the job took {ratio:0.00}x its physical limit (goal: at most 1.2x); by phase: {string.Join(", ", phases.Select(p => $"{p.Ratio:0.00}x"))}");
Console.WriteLine($"{(frugal ? "PASS" : "FAIL")}: the job sent {sent.Requests} requests against a bound of {bound} (creates + copies + deletes + list pages per round); by phase: "
    + string.Join(", ", phases.Select(p => $"{p.Sent.Requests}/{p.Bound.Requests}")));

try
{
    Directory.Delete(directory, recursive: true);
}
catch (IOException)
{
}

return fast && frugal ? 0 : 2;

// Runs one phase's script, timed alone: the second before it lets the service's bucket fill (the model assumes it
// full), and the second after it lets the log catch up with the last answers before the phase's requests are counted.
MeasuredPhase Measure(string script, params object[] scriptArguments)
{
    Thread.Sleep(TimeSpan.FromSeconds(1));
    var countsBefore = RequestCounts.Of(emulator);
    var logBefore = requestLog.Count;
    var started = requestLog.Now;
    var clock = Stopwatch.StartNew();
    var output = module.Run(script, scriptArguments);
    var time = clock.Elapsed;
    Thread.Sleep(TimeSpan.FromSeconds(1));
    var measured = new MeasuredPhase(started, time, RequestCounts.Of(emulator) - countsBefore, requestLog.Between(logBefore, requestLog.Count), output);
    if (timeline)
    {
        measured.PrintTimeline();
    }

    return measured;
}

static void Check(bool right, string what)
{
    if (!right)
    {
        Console.Error.WriteLine("The job went wrong: " + what + ".");
        Environment.Exit(1);
    }
}
