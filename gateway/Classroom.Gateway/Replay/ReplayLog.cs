namespace Classroom.Gateway.Replay;

internal static partial class ReplayLog
{
    [LoggerMessage(1, LogLevel.Warning, "Replay of {ClassroomId} for {ViewerId} stopped playing")]
    public static partial void PlaybackStopped(ILogger logger, Exception exception, string classroomId, string viewerId);

    [LoggerMessage(2, LogLevel.Warning, "Replay position of {ViewerId} in {ClassroomId} was not saved")]
    public static partial void PositionNotSaved(ILogger logger, Exception exception, string classroomId, string viewerId);
}
