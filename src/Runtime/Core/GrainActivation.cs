namespace PlugInnan.Runtime.Core;

/// <summary>
/// One live instance of a grain: its mailbox and its turn-based scheduler.
/// </summary>
/// <remarks>
/// Invariant: at most one thread runs this activation's code at a time; that thread owns
/// <see cref="busy"/>. Requests are admitted from <see cref="waiting"/> in order when the interleaving
/// rules allow; await continuations of admitted requests come back through <see cref="ready"/>
/// (posted by <see cref="ActivationSynchronizationContext"/>). A non-reentrant grain admits the next
/// request only when the previous one has completed, awaits included.
/// </remarks>
#pragma warning disable CA1001 // lifetime is cancelled, never disposed: it has no timer or wait handle, and late readers of its token must not see ObjectDisposedException.
internal sealed class GrainActivation : IThreadPoolWorkItem
#pragma warning restore CA1001
{
    [ThreadStatic]
    private static GrainActivation? constructing;

    private const int MaxItemsPerDispatch = 64;

    private readonly Lock gate = new();
    private readonly Queue<(SendOrPostCallback Callback, object? State)> ready = new();
    private readonly Queue<GrainCall> waiting = new();
    private readonly List<IActivationState> states = [];
    private readonly List<GrainTimer> timers = [];
    private readonly ActivationSynchronizationContext context;
    private readonly CancellationTokenSource lifetime = new();
    private readonly TaskCompletionSource deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Grain? grain;
    private volatile ActivationStatus status = ActivationStatus.Activating;
    private int started;
    private bool busy;
    private int inFlight;
    private int readOnlyInFlight;
    private long lastActiveTicket;
    private DeactivationReason? deactivationReason;

    public GrainActivation(GrainRuntime runtime, GrainId id, GrainClassInfo grainClass)
    {
        Runtime = runtime;
        Id = id;
        Class = grainClass;
        context = new ActivationSynchronizationContext(this);
        lastActiveTicket = runtime.CollectionTicket;
    }

    /// <summary>The activation whose grain constructor is running on this thread.</summary>
    internal static GrainActivation? Constructing
    {
        get => constructing;
        set => constructing = value;
    }

    public GrainRuntime Runtime { get; }

    public GrainId Id { get; }

    public GrainClassInfo Class { get; }

    public ActivationStatus Status => status;

    public bool IsValid => status == ActivationStatus.Valid;

    /// <summary>Completes when the activation has deactivated (or failed to activate).</summary>
    public Task Deactivated => deactivated.Task;

    public int QueueLength
    {
        get
        {
            lock (gate)
            {
                return waiting.Count;
            }
        }
    }

    public void AddState(IActivationState state) => states.Add(state);

    /// <summary>Starts activating, once; calls queue until it is done.</summary>
    public void EnsureStarted()
    {
        if (Interlocked.Exchange(ref started, 1) == 0)
        {
            Post(static s => ((GrainActivation)s!).BeginActivation(), this);
        }
    }

    /// <summary>Queues work to run on this activation (await continuations, activation and deactivation steps).</summary>
    public void Post(SendOrPostCallback callback, object? state)
    {
        bool schedule;
        lock (gate)
        {
            ready.Enqueue((callback, state));
            schedule = !busy;
            busy = true;
        }

        if (schedule)
        {
            Schedule();
        }
    }

    /// <summary>Admits a call to run on the caller's thread right now, if the activation is idle and the rules allow it.</summary>
    public bool TryEnterInline(CallFlags flags)
    {
        lock (gate)
        {
            if (busy || status != ActivationStatus.Valid || waiting.Count != 0 || !CanAdmitLocked(flags))
            {
                return false;
            }

            busy = true;
            AdmitLocked(flags);
            return true;
        }
    }

    public Task RunInline<TResult>(MethodInvoker<TResult> invoker, object?[] arguments)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            return invoker.StartSafely(grain!, arguments);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    /// <summary>Ends the inline piece of work; <paramref name="completed"/> says whether the call itself is over.</summary>
    public void ExitInline(CallFlags flags, bool completed)
    {
        bool schedule;
        lock (gate)
        {
            if (completed)
            {
                ReleaseLocked(flags);
            }

            schedule = HasRunnableLocked() || TryBeginDeactivationLocked();
            busy = schedule;
        }

        if (schedule)
        {
            Schedule();
        }
    }

    /// <summary>When the grain's task completes, the call leaves the activation and its caller gets the outcome.</summary>
    public static void TrackCompletion(GrainCall call, Task grainTask) =>
        grainTask.ContinueWith(
            static (task, state) =>
            {
                var call = (GrainCall)state!;
                call.Activation!.EndCall(call.Flags);
                call.Complete(task);
            },
            call,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    public EnqueueResult Enqueue(GrainCall call)
    {
        bool schedule = false;
        lock (gate)
        {
            if (status == ActivationStatus.Invalid)
            {
                return EnqueueResult.Invalid;
            }

            if (waiting.Count >= Runtime.Options.MaxQueuedRequests)
            {
                return EnqueueResult.Overloaded;
            }

            call.Activation = this;
            waiting.Enqueue(call);
            if (!busy && HasRunnableLocked())
            {
                busy = schedule = true;
            }
        }

        if (schedule)
        {
            Schedule();
        }

        return EnqueueResult.Accepted;
    }

    /// <summary>Deactivates once the requests in flight and in the queue are done.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        bool schedule = false;
        lock (gate)
        {
            deactivationReason ??= reason;
            if (!busy && TryBeginDeactivationLocked())
            {
                busy = schedule = true;
            }
        }

        if (schedule)
        {
            Schedule();
        }
    }

    /// <summary>Called by the idle collector on each quantum.</summary>
    public void CollectIfIdle(long ticket, long ageInTickets)
    {
        bool schedule = false;
        lock (gate)
        {
            if (status != ActivationStatus.Valid || busy || inFlight != 0 || waiting.Count != 0 ||
                deactivationReason is not null || ticket - lastActiveTicket <= ageInTickets)
            {
                return;
            }

            deactivationReason = new(DeactivationReasonCode.ActivationIdle, "No calls for the collection age.");
            if (TryBeginDeactivationLocked())
            {
                busy = schedule = true;
            }
        }

        if (schedule)
        {
            Schedule();
        }
    }

    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer(this, callback, options);
        lock (gate)
        {
            if (status is ActivationStatus.Deactivating or ActivationStatus.Invalid)
            {
                throw new InvalidOperationException($"{Id} is deactivating; it can register no more timers.");
            }

            timers.Add(timer);
        }

        timer.Start();
        return timer;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }
    }

    public CancellationToken LifetimeToken => lifetime.Token;

    /// <summary>The scheduler loop: runs ready work and admissible requests, a bounded batch per thread-pool visit.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            for (var done = 0; done < MaxItemsPerDispatch; done++)
            {
                (SendOrPostCallback Callback, object? State) item;
                GrainCall? call;
                lock (gate)
                {
                    if (!TryTakeWorkLocked(out item, out call))
                    {
                        busy = false;
                        return;
                    }
                }

                if (call is null)
                {
                    RunCallback(item.Callback, item.State);
                }
                else
                {
                    StartCall(call);
                }
            }

            Schedule(); // Still busy: give the thread back and continue on another visit.
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void Schedule() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);

    private bool TryTakeWorkLocked(out (SendOrPostCallback Callback, object? State) item, out GrainCall? call)
    {
        call = null;
        if (ready.TryDequeue(out item))
        {
            return true;
        }

        while (status == ActivationStatus.Valid && waiting.TryPeek(out var head))
        {
            if (head.IsAbandoned)
            {
                waiting.Dequeue();
                continue;
            }

            if (!CanAdmitLocked(head.Flags))
            {
                break;
            }

            call = waiting.Dequeue();
            AdmitLocked(call.Flags);
            return true;
        }

        return TryBeginDeactivationLocked() && ready.TryDequeue(out item);
    }

    private void StartCall(GrainCall call)
    {
        var task = call.Start(grain!);
        if (task.IsCompleted)
        {
            EndCall(call.Flags);
            call.Complete(task);
        }
        else
        {
            TrackCompletion(call, task);
        }
    }

    private void EndCall(CallFlags flags)
    {
        bool schedule = false;
        lock (gate)
        {
            ReleaseLocked(flags);
            if (!busy && (HasRunnableLocked() || TryBeginDeactivationLocked()))
            {
                busy = schedule = true;
            }
        }

        if (schedule)
        {
            Schedule();
        }
    }

    private void RunCallback(SendOrPostCallback callback, object? state)
    {
        try
        {
            callback(state);
        }
        catch (Exception e)
        {
            RuntimeLog.PostedWorkFailed(Runtime.Logger, e, Id);
        }
    }

    private bool CanAdmitLocked(CallFlags flags) =>
        inFlight == 0
        || Class.IsReentrant
        || (flags & CallFlags.AlwaysInterleave) != 0
        || ((flags & CallFlags.ReadOnly) != 0 && readOnlyInFlight == inFlight);

    private void AdmitLocked(CallFlags flags)
    {
        inFlight++;
        if ((flags & CallFlags.ReadOnly) != 0)
        {
            readOnlyInFlight++;
        }

        if ((flags & CallFlags.NoKeepAlive) == 0)
        {
            lastActiveTicket = Runtime.CollectionTicket;
        }
    }

    private void ReleaseLocked(CallFlags flags)
    {
        inFlight--;
        if ((flags & CallFlags.ReadOnly) != 0)
        {
            readOnlyInFlight--;
        }
    }

    private bool HasRunnableLocked()
    {
        if (ready.Count != 0)
        {
            return true;
        }

        return status == ActivationStatus.Valid && waiting.TryPeek(out var head) && (head.IsAbandoned || CanAdmitLocked(head.Flags));
    }

    private bool TryBeginDeactivationLocked()
    {
        if (deactivationReason is null || status != ActivationStatus.Valid || inFlight != 0 || waiting.Count != 0)
        {
            return false;
        }

        status = ActivationStatus.Deactivating;
        ready.Enqueue((static s => ((GrainActivation)s!).BeginDeactivation(), this));
        return true;
    }

    private void BeginActivation()
    {
        lock (gate)
        {
            inFlight++;
        }

        WhenDone(ActivateAsync(), static (activation, task) => activation.OnActivated(task));
    }

    private async Task ActivateAsync()
    {
        grain = Class.Create(this, Runtime.Services);
        foreach (var state in states)
        {
            await state.ReadStateAsync(lifetime.Token);
        }

        await grain.OnActivateAsync(lifetime.Token);
    }

    private void OnActivated(Task activation)
    {
        GrainCall[] failed = [];
        bool schedule = false;
        lock (gate)
        {
            inFlight--;
            if (activation.IsCompletedSuccessfully)
            {
                status = ActivationStatus.Valid;
                if (!busy && (HasRunnableLocked() || TryBeginDeactivationLocked()))
                {
                    busy = schedule = true;
                }
            }
            else
            {
                status = ActivationStatus.Invalid;
                failed = [.. waiting];
                waiting.Clear();
            }
        }

        if (activation.IsCompletedSuccessfully)
        {
            if (schedule)
            {
                Schedule();
            }

            return;
        }

        var error = activation.Exception?.InnerException
            ?? new OperationCanceledException($"Activation of {Id} was cancelled.");
        Runtime.OnActivationFailed(this, error);
        lifetime.Cancel();
        deactivated.TrySetResult();
        foreach (var call in failed)
        {
            call.Fail(error);
        }
    }

    private void BeginDeactivation()
    {
        GrainTimer[] stopped;
        DeactivationReason reason;
        lock (gate)
        {
            inFlight++;
            stopped = [.. timers];
            timers.Clear();
            reason = deactivationReason!.Value;
        }

        foreach (var timer in stopped)
        {
            timer.Stop();
        }

        lifetime.Cancel();
        WhenDone(DeactivateAsync(reason), static (activation, task) => activation.OnDeactivated(task));
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        using var limit = new CancellationTokenSource(Runtime.Options.DeactivationTimeout, Runtime.TimeProvider);
        await grain!.OnDeactivateAsync(reason, limit.Token);
    }

    /// <summary>Runs <paramref name="then"/> on whichever thread completes <paramref name="task"/>.</summary>
    private void WhenDone(Task task, Action<GrainActivation, Task> then) =>
        task.ContinueWith(
            static (t, s) =>
            {
                var (activation, next) = ((GrainActivation, Action<GrainActivation, Task>))s!;
                next(activation, t);
            },
            (this, then),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    private void OnDeactivated(Task deactivation)
    {
        if (!deactivation.IsCompletedSuccessfully)
        {
            RuntimeLog.DeactivationFailed(Runtime.Logger, deactivation.Exception?.InnerException, Id);
        }

        GrainCall[] forward;
        lock (gate)
        {
            inFlight--;
            status = ActivationStatus.Invalid;
            forward = [.. waiting];
            waiting.Clear();
        }

        Runtime.OnDeactivated(this);
        deactivated.TrySetResult();
        foreach (var call in forward)
        {
            Runtime.Forward(call, Id, Class);
        }
    }
}

internal enum EnqueueResult
{
    Accepted,
    Overloaded,
    Invalid,
}
