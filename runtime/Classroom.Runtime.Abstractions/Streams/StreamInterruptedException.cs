namespace Classroom.Runtime.Streams;

/// <summary>Given to <see cref="IAsyncObserver{T}.OnErrorAsync"/>: items published meanwhile may not have arrived.</summary>
public sealed class StreamInterruptedException(string message) : Exception(message);
