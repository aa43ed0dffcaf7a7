namespace PlugInnan.Runtime;

/// <summary>
/// A grain's identity: its grain type name (for example <c>counter</c>) and its key as text.
/// Guid keys are stored in "N" format and integer keys in invariant decimal.
/// </summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
