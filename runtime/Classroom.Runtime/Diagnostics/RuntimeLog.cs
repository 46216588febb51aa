using Microsoft.Extensions.Logging;

namespace Classroom.Runtime.Diagnostics;

internal static partial class RuntimeLog
{
    [LoggerMessage(1, LogLevel.Information, "Silo started hosting {GrainClassCount} grain classes")]
    public static partial void SiloStarted(ILogger logger, int grainClassCount);

    [LoggerMessage(2, LogLevel.Information, "Silo stopped")]
    public static partial void SiloStopped(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "Activation of grain {GrainId} failed")]
    public static partial void ActivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(4, LogLevel.Warning, "OnDeactivateAsync of grain {GrainId} failed")]
    public static partial void DeactivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(5, LogLevel.Debug, "Grain {GrainId} deactivated ({Reason})")]
    public static partial void Deactivated(ILogger logger, GrainId grainId, DeactivationReason reason);

    [LoggerMessage(6, LogLevel.Warning, "Call {Method} to grain {GrainId} timed out")]
    public static partial void CallTimedOut(ILogger logger, string method, GrainId grainId);

    [LoggerMessage(7, LogLevel.Error, "A timer callback of grain {GrainId} failed")]
    public static partial void TimerFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(8, LogLevel.Error, "Work item of grain {GrainId} failed")]
    public static partial void SchedulerItemFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(9, LogLevel.Warning, "Shutdown timed out with {Count} activations still deactivating")]
    public static partial void ShutdownTimedOut(ILogger logger, int count);

    [LoggerMessage(10, LogLevel.Error, "Delivering an item of stream {StreamId} failed")]
    public static partial void StreamDeliveryFailed(ILogger logger, Exception exception, string streamId);
}
