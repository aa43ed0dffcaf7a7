namespace PlugInnan.Runtime;

public enum DeactivationReasonCode
{
    None,
    ActivationIdle,
    ApplicationRequested,
    ShuttingDown,
}

/// <summary>Why an activation is being deactivated, passed to <see cref="Grain.OnDeactivateAsync"/>.</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode ReasonCode, string Description)
{
    public override string ToString() => $"{ReasonCode}: {Description}";
}
