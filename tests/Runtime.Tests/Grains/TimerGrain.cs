namespace PlugInnan.Runtime.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    /// <summary>Starts a timer whose ticks take longer than its period.</summary>
    Task Start(TimeSpan period, TimeSpan tickWork);

    [AlwaysInterleave]
    Task<TimerReport> Report();

    Task Deactivate();
}

public sealed record TimerReport(int Ticks, int MaxConcurrentTicks, int TicksBesideRequests);

public sealed class TimerGrain : Grain, ITimerGrain
{
    private static int ticksAfterDeactivation;

    public static int TicksAfterDeactivation => Volatile.Read(ref ticksAfterDeactivation);

    private readonly TurnProbe ticks = new();
    private readonly TurnProbe requests = new();
    private int count;
    private int besideRequests;
    private bool deactivated;

    public Task Start(TimeSpan period, TimeSpan tickWork)
    {
        using var request = requests.Enter();
        RegisterGrainTimer(
            async ct =>
            {
                if (deactivated)
                {
                    Interlocked.Increment(ref ticksAfterDeactivation);
                }

                using var tick = ticks.Enter();
                if (requests.Current != 0)
                {
                    Interlocked.Increment(ref besideRequests);
                }

                await Task.Delay(tickWork, CancellationToken.None);
                Interlocked.Increment(ref count);
            },
            new GrainTimerCreationOptions(TimeSpan.Zero, period) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task<TimerReport> Report() => Task.FromResult(new TimerReport(Volatile.Read(ref count), ticks.MaxConcurrent, besideRequests));

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        deactivated = true;
        return Task.CompletedTask;
    }
}
