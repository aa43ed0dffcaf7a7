using Microsoft.Extensions.Logging;

namespace PlugInnan.Runtime.Core;

/// <summary>The runtime's log messages. Grain ids are pseudonymous keys; no state or arguments are logged.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in work posted to grain {GrainId}")]
    public static partial void PostedWorkFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OnDeactivateAsync of {GrainId} failed")]
    public static partial void DeactivationFailed(ILogger logger, Exception? exception, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activation of grain {GrainId} failed; the next call tries again")]
    public static partial void ActivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer tick of grain {GrainId} failed")]
    public static partial void TimerTickFailed(ILogger logger, Exception? exception, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer tick of grain {GrainId} skipped: its queue is full")]
    public static partial void TimerTickSkipped(ILogger logger, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain runtime stopped; {Count} activations deactivated")]
    public static partial void Stopped(ILogger logger, int count);
}
