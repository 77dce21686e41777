using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;

namespace OciBackup.Bench.NightlyDr;

/// <summary>A phase's script as it ran: its time, the requests it sent (counted and logged), its output.</summary>
internal sealed record MeasuredPhase(TimeSpan Elapsed, RequestCounts Sent, IReadOnlyList<LoggedRequest> Requests, Collection<PSObject> Output)
{
    /// <summary>Lists of a region's volume backups asked for from their first page: rounds of polling, and searches.</summary>
    public int Sweeps(string region) =>
        Requests.Count(r => r.Region == region && r.Operation == "ListVolumeBackups" && !r.IsFurtherPage);
}
