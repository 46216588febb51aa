using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Classroom.Gateway.Tests.Fixtures;

/// <summary>Keeps what a gateway logs (at the host's minimum level, Warning), for tests about what is logged and how much.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<LogRecord> Records { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Records.Enqueue(new LogRecord(logLevel, category, formatter(state, exception), exception));
    }
}

/// <summary>One log entry.</summary>
public sealed record LogRecord(LogLevel Level, string Category, string Message, Exception? Exception)
{
    /// <summary>About the size it takes in a console log: the message and the stack trace.</summary>
    public int Size => Message.Length + (Exception?.ToString().Length ?? 0);
}
