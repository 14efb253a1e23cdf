using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ZoomPortal.E2E.Features.Join.Security;

/// <summary>
/// Keeps every log line the portal writes (message, each structured value, exception), so tests can search them
/// for secrets. Registered as an extra <see cref="ILoggerProvider"/> beside the app's own.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public int Count => _lines.Count;

    public IReadOnlyList<string> Containing(string text) => [.. _lines.Where(l => l.Contains(text, StringComparison.Ordinal))];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
        // Nothing to release: the lines stay readable until the fixture is gone.
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            // Scope values (request paths, connection ids) are part of what an operator sees too.
            lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue($"{category} [{logLevel}] {formatter(state, exception)} {exception}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    lines.Enqueue($"{category} {key}={value}");
                }
            }
        }
    }
}
