using PlugInnan.Runtime.Core;

namespace PlugInnan.Runtime;

/// <summary>
/// Base class of grains. The runtime constructs grains (never call the constructor yourself), injects
/// services and <see cref="IPersistentState{TState}"/> through the constructor, and runs one request
/// at a time on each activation unless the class is <see cref="ReentrantAttribute">[Reentrant]</see>.
/// </summary>
public abstract class Grain : IAddressable
{
    private readonly GrainActivation? activation;

    protected Grain()
    {
        // The activation sets itself as the ambient context while it runs the constructor, as Orleans does.
        activation = GrainActivation.Constructing;
    }

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => Activation.Id;

    /// <summary>The identity as text, for log messages.</summary>
    protected string IdentityString => Activation.Id.ToString();

    /// <summary>References to other grains.</summary>
    protected IGrainFactory GrainFactory => Activation.Runtime;

    private GrainActivation Activation => activation ?? throw new InvalidOperationException(
        $"{GetType().Name} was not created by the grain runtime. Get grains through IGrainFactory.GetGrain.");

    /// <summary>Runs after persistent state is loaded and before the first request.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once, after the last request, before the activation is dropped.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Deactivates this activation once its current and queued requests are done.</summary>
    protected void DeactivateOnIdle() =>
        Activation.RequestDeactivation(new(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    /// <summary>Starts a timer whose ticks run as turns of this activation and die with it.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Activation.RegisterTimer(callback, options);
    }

    /// <inheritdoc cref="RegisterGrainTimer(Func{CancellationToken, Task}, GrainTimerCreationOptions)"/>
    protected IGrainTimer RegisterGrainTimer(Func<Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Activation.RegisterTimer(_ => callback(), new GrainTimerCreationOptions(dueTime, period));
    }

    /// <inheritdoc cref="RegisterGrainTimer(Func{CancellationToken, Task}, GrainTimerCreationOptions)"/>
    protected IGrainTimer RegisterGrainTimer<TState>(
        Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Activation.RegisterTimer(ct => callback(state, ct), options);
    }
}
