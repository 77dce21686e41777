using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;

namespace OciBackup.Bench.NightlyDr;

/// <summary>A phase's script as it ran: its time, the requests it sent (counted and logged), its output.</summary>
internal sealed record MeasuredPhase(TimeSpan Started, TimeSpan Elapsed, RequestCounts Sent, IReadOnlyList<LoggedRequest> Requests, Collection<PSObject> Output)
{
    /// <summary>Lists of a region's volume backups asked for from their first page: rounds of polling, and searches.</summary>
    public int Sweeps(string region) =>
        Requests.Count(r => r.Region == region && r.Operation == "ListVolumeBackups" && !r.IsFurtherPage);

    /// <summary>
    /// When each kind of request was answered, in seconds from the phase's start: the first and the last, and a count
    /// per second, to see where a phase's time went (--timeline).
    /// </summary>
    public void PrintTimeline()
    {
        foreach (var kind in Requests.GroupBy(r => r.Region + " " + r.Operation).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var seconds = kind.Select(r => (r.At - Started).TotalSeconds).ToList();
            var perSecond = seconds.GroupBy(s => (int)Math.Floor(s)).OrderBy(g => g.Key).Select(g => $"{g.Key}s:{g.Count()}");
            Console.WriteLine($"    {kind.Key}: {seconds.Min():0.00}..{seconds.Max():0.00} s; {string.Join(" ", perSecond)}");
        }

        Console.WriteLine($"    script returned at {Elapsed.TotalSeconds:0.00} s");
    }
}
