using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OciBackup.Emulator.Tests.TestSupport;

/// <summary>Keeps every formatted log line, so tests can see what the emulator logged (and what it did not).</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(_lines);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger : ILogger
    {
        private readonly ConcurrentQueue<string> _lines;

        public CapturingLogger(ConcurrentQueue<string> lines)
        {
            _lines = lines;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue(logLevel + ": " + formatter(state, exception));
    }
}
