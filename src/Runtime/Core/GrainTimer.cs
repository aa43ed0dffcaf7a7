namespace PlugInnan.Runtime.Core;

/// <summary>
/// A grain timer: each tick is queued on the activation as a request, and the next tick is armed only
/// after the previous one has finished, so ticks never overlap.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly GrainActivation activation;
    private readonly Func<CancellationToken, Task> callback;
    private readonly CallFlags flags;
    private readonly ITimer timer;
    private TimeSpan dueTime;
    private TimeSpan period;
    private int ticking;
    private volatile bool stopped;

    public GrainTimer(GrainActivation activation, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DueTime, Timeout.InfiniteTimeSpan);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Period, Timeout.InfiniteTimeSpan);
        this.activation = activation;
        this.callback = callback;
        dueTime = options.DueTime;
        period = options.Period;
        flags = (options.Interleave ? CallFlags.AlwaysInterleave : CallFlags.None)
            | (options.KeepAlive ? CallFlags.None : CallFlags.NoKeepAlive);
        timer = activation.Runtime.TimeProvider.CreateTimer(
            static s => ((GrainTimer)s!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public bool IsStopped => stopped;

    public void Start() => Arm(dueTime);

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, Timeout.InfiniteTimeSpan);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, Timeout.InfiniteTimeSpan);
        this.dueTime = dueTime;
        this.period = period;
        if (Volatile.Read(ref ticking) == 0)
        {
            Arm(dueTime);
        }
    }

    public void Dispose()
    {
        Stop();
        activation.RemoveTimer(this);
    }

    /// <summary>Stops ticking without touching the activation's timer list (used while it deactivates).</summary>
    public void Stop()
    {
        stopped = true;
        timer.Dispose();
    }

    /// <summary>Runs one tick as a turn of the activation.</summary>
    public Task RunTick()
    {
        if (stopped)
        {
            return Task.CompletedTask;
        }

        try
        {
            return callback(activation.LifetimeToken) ?? Task.CompletedTask;
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }

    public void OnTickCompleted(Task tick)
    {
        if (tick.IsFaulted)
        {
            RuntimeLog.TimerTickFailed(activation.Runtime.Logger, tick.Exception?.InnerException, activation.Id);
        }

        Volatile.Write(ref ticking, 0);
        if (period != Timeout.InfiniteTimeSpan)
        {
            Arm(period);
        }
    }

    private void Arm(TimeSpan due)
    {
        if (stopped)
        {
            return;
        }

        try
        {
            timer.Change(due, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Stopped concurrently: the activation is going away.
        }
    }

    private void OnDue()
    {
        if (stopped || Interlocked.Exchange(ref ticking, 1) == 1)
        {
            return;
        }

        switch (activation.Enqueue(new TimerTick(this, flags)))
        {
            case EnqueueResult.Accepted:
                break;
            case EnqueueResult.Overloaded:
                RuntimeLog.TimerTickSkipped(activation.Runtime.Logger, activation.Id);
                OnTickCompleted(Task.CompletedTask);
                break;
            default:
                Stop();
                break;
        }
    }

    private sealed class TimerTick(GrainTimer timer, CallFlags flags) : GrainCall(flags)
    {
        public override bool CanForward => false;

        public override bool IsAbandoned => timer.IsStopped;

        public override Task Start(Grain grain) => timer.RunTick();

        public override void Complete(Task grainTask) => timer.OnTickCompleted(grainTask);

        public override void Fail(Exception error) => timer.Stop();
    }
}
