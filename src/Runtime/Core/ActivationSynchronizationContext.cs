namespace PlugInnan.Runtime.Core;

/// <summary>
/// Brings every await continuation in grain code back onto its activation, so that one activation
/// never runs on two threads at once, as Orleans' per-activation scheduler guarantees.
/// </summary>
internal sealed class ActivationSynchronizationContext(GrainActivation activation) : SynchronizationContext
{
    public GrainActivation Activation => activation;

    public override void Post(SendOrPostCallback d, object? state) => activation.Post(d, state);

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("A blocking Send into a grain activation could deadlock its turn; await instead.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Whether the current code runs inside a grain activation.</summary>
    public static bool IsInsideGrain => Current is ActivationSynchronizationContext;
}
