namespace Classroom.Gateway.Fanout;

internal static partial class FanoutLog
{
    [LoggerMessage(1, LogLevel.Debug, "Writing to connection {ConnectionId} failed")]
    public static partial void WriteFailed(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(2, LogLevel.Information, "Disconnected {ConnectionId}: too far behind in classroom {ClassroomId} for too long")]
    public static partial void SlowViewerDisconnected(ILogger logger, string connectionId, string classroomId);

    [LoggerMessage(3, LogLevel.Warning, "Leaving classroom {ClassroomId} for connection {ConnectionId} failed")]
    public static partial void LeaveFailed(ILogger logger, Exception exception, string classroomId, string connectionId);

    [LoggerMessage(4, LogLevel.Error, "Hub method {Method} failed")]
    public static partial void HubMethodFailed(ILogger logger, Exception exception, string method);
}
