using System;
using System.Collections.Generic;
using System.Linq;

namespace OciBackup.Bench.NightlyDr;

/// <summary>One phase of the job as measured: how long it took, what it sent, and what it is measured against.</summary>
internal sealed record PhaseResult(string Title, TimeSpan Elapsed, PhysicalLimit Limit, RequestCounts Sent, RequestBound Bound)
{
    public double Ratio => Elapsed.TotalSeconds / Limit.Time.TotalSeconds;

    public void Print()
    {
        Console.WriteLine(Title);
        Console.WriteLine($"  elapsed          {ServiceSettings.Seconds(Elapsed),10}");
        Console.WriteLine($"  physical limit   {ServiceSettings.Seconds(Limit.Time),10}   = {Limit.Formula}");
        Console.WriteLine($"  ratio            {Ratio,8:0.00}x");
        Console.WriteLine($"  requests         {Sent.Requests,8}     = {Describe(Sent)}");
        Console.WriteLine($"  bound            {Bound.Requests,8}     = {Bound.Formula}");
        Console.WriteLine();
    }

    /// <summary>The requests by operation, and those the service refused for its rate limit.</summary>
    public static string Describe(RequestCounts sent)
    {
        var kinds = sent.Performed.Select(pair => $"{pair.Value} {pair.Key}").ToList();
        kinds.Add($"{sent.Throttled} answered 429");
        return string.Join(" + ", kinds);
    }

    public static RequestCounts Sum(IEnumerable<PhaseResult> phases) =>
        phases.Select(p => p.Sent).Aggregate((total, next) => total + next);
}
