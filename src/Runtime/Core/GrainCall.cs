namespace PlugInnan.Runtime.Core;

/// <summary>A request that waits in an activation's queue: a method call or a timer tick.</summary>
internal abstract class GrainCall(CallFlags flags)
{
    public CallFlags Flags { get; } = flags;

    /// <summary>The activation the call was queued on (set when queued).</summary>
    public GrainActivation? Activation { get; set; }

    /// <summary>Whether the call may move to a new activation of the same grain after a deactivation.</summary>
    public virtual bool CanForward => true;

    /// <summary>The caller no longer waits (timed out): the request is dropped instead of run, as Orleans drops expired messages.</summary>
    public abstract bool IsAbandoned { get; }

    /// <summary>Runs the grain code; never throws (a synchronous exception becomes a faulted task).</summary>
    public abstract Task Start(Grain grain);

    /// <summary>Hands the outcome of the grain's task to whoever waits for it.</summary>
    public abstract void Complete(Task grainTask);

    /// <summary>The call could not run (activation failed, silo stopping, overload).</summary>
    public abstract void Fail(Exception error);
}
