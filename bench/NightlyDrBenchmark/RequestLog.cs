using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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

    /// <summary>How many requests are logged so far: a mark to count from.</summary>
    public int Count => _requests.Count;

    /// <summary>The requests logged from mark <paramref name="from"/> up to mark <paramref name="to"/>.</summary>
    public IReadOnlyList<LoggedRequest> Between(int from, int to) => _requests.Skip(from).Take(to - from).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(_requests);

    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        private readonly ConcurrentQueue<LoggedRequest> _requests;

        public Logger(ConcurrentQueue<LoggedRequest> requests)
        {
            _requests = requests;
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
                _requests.Enqueue(new LoggedRequest(region, operation, Value("Query") ?? ""));
            }
        }
    }
}

/// <summary>One API request the emulator answered.</summary>
internal sealed record LoggedRequest(string Region, string Operation, string Query)
{
    /// <summary>A list request that asks for a page after the first (it carries the previous answer's opc-next-page).</summary>
    public bool IsFurtherPage => Query.Contains("?page=", StringComparison.Ordinal) || Query.Contains("&page=", StringComparison.Ordinal);
}
