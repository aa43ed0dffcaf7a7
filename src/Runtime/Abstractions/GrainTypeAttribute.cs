namespace PlugInnan.Runtime;

/// <summary>
/// Names a grain class's grain type, the name stored with its state. Without it the name is the
/// class name in lower case without a "Grain" suffix, as in Orleans (<c>CounterGrain</c> → <c>counter</c>).
/// Set it explicitly on any grain whose state is stored, so that renaming the class keeps its data.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string grainType) : Attribute
{
    public string GrainType { get; } = grainType;
}
