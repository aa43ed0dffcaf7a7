namespace PlugInnan.Silo;

/// <summary>
/// Ends the process when a stop takes far longer than the host's shutdown timeout. Orleans keeps trying
/// to record in the membership table that the silo left; with the database gone it would try for
/// minutes. Every answered write is already stored, and the other silos find the silo dead by probing,
/// so nothing is lost by going: the exit code (3) and the log line say the stop was not clean.
/// </summary>
internal sealed partial class ShutdownDeadline(IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<ShutdownDeadline> logger) : IHostedService
{
    public const string Setting = "Silo:ShutdownDeadline";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = configuration.GetValue(Setting, TimeSpan.FromSeconds(45));
        lifetime.ApplicationStopping.Register(() => _ = Task.Run(async () =>
        {
            await Task.Delay(deadline, CancellationToken.None);
            LogDeadline(logger, deadline.TotalSeconds);
            Environment.Exit(3);
        }));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "The silo did not stop within {Seconds} s (Orleans could not record leaving the cluster, most likely because the database is unreachable); ending the process now.")]
    private static partial void LogDeadline(ILogger logger, double seconds);
}
