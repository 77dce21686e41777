using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace OciBackup.Bench.NightlyDr;

/// <summary>
/// The emulator's per-request Debug lines, kept as their values (region, operation, query), so a benchmark can tell a
/// list's first page (a sweep or a search beginning) from a further page. Attach it with
/// <c>EmulatorOptions.ConfigureLogging</c> and <c>LogLevel = Debug</c>.
/// </summary>
internal sealed class RequestLog : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedRequest> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Time since the log was made: what <see cref="LoggedRequest.At"/> counts from.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>How many requests are logged so far: a mark to count from.</summary>
    public int Count => _requests.Count;

    /// <summary>The requests logged from mark <paramref name="from"/> up to mark <paramref name="to"/>.</summary>
    public IReadOnlyList<LoggedRequest> Between(int from, int to) => _requests.Skip(from).Take(to - from).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(_requests, _clock);

    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        private readonly ConcurrentQueue<LoggedRequest> _requests;
        private readonly Stopwatch _clock;

        public Logger(ConcurrentQueue<LoggedRequest> requests, Stopwatch clock)
        {
            _requests = requests;
            _clock = clock;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel == LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel != LogLevel.Debug || state is not IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                return;
            }

            string? Value(string name) => values.FirstOrDefault(pair => pair.Key == name).Value?.ToString();
            if (Value("Operation") is string operation && Value("Region") is string region)
            {
                _requests.Enqueue(new LoggedRequest(_clock.Elapsed, region, operation, Value("Query") ?? ""));
            }
        }
    }
}

/// <summary>One API request the emulator answered, and when (since the log was made).</summary>
internal sealed record LoggedRequest(TimeSpan At, string Region, string Operation, string Query)
{
    /// <summary>A list request that asks for a page after the first (it carries the previous answer's opc-next-page).</summary>
    public bool IsFurtherPage => Query.Contains("?page=", StringComparison.Ordinal) || Query.Contains("&page=", StringComparison.Ordinal);
}
