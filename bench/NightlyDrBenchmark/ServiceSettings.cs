using System;
using System.Globalization;

namespace OciBackup.Bench.NightlyDr;

/// <summary>What the emulated service is set to: the numbers the physical limit is derived from.</summary>
internal sealed record ServiceSettings(int RateLimit, TimeSpan Latency, TimeSpan BackupDuration, TimeSpan CopyDuration, TimeSpan DeleteDuration, int PageSize)
{
    /// <summary>
    /// The least time in which a phase can be done: its <paramref name="requests"/> past the rate limit (the first
    /// second's worth at once from the full bucket, the rest at the rate), <paramref name="sequentialPages"/> list
    /// pages one after another before the last write can be known (each a round trip), then one round trip for the
    /// last write to be received and <paramref name="duration"/> for its work to be done.
    /// </summary>
    public PhysicalLimit Limit(long requests, int sequentialPages, TimeSpan duration)
    {
        var paced = TimeSpan.FromSeconds(Math.Max(0, requests - RateLimit) / (double)RateLimit);
        var chained = Latency * sequentialPages;
        var formula = $"({requests} requests - {RateLimit} burst) / {RateLimit} req/s";
        if (sequentialPages > 0)
        {
            formula = $"max({formula}, {sequentialPages} pages x {Milliseconds(Latency)})";
        }

        return new PhysicalLimit((paced > chained ? paced : chained) + Latency + duration, formula + $" + {Milliseconds(Latency)} + {Seconds(duration)}");
    }

    /// <summary>List pages to see <paramref name="items"/> items at the largest page the service gives (one at least).</summary>
    public long Pages(long items) => Math.Max(1, (items + PageSize - 1) / PageSize);

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}

/// <summary>A phase's physical limit and how it was reckoned.</summary>
internal sealed record PhysicalLimit(TimeSpan Time, string Formula);

/// <summary>The most requests a phase may send, "creates + copies + deletes + list pages per round", and how it was reckoned.</summary>
internal sealed record RequestBound(long Requests, string Formula);
