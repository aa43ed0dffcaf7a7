using System.Reflection;

namespace PlugInnan.Runtime.Core;

/// <summary>
/// A grain reference: the runtime generates a subclass implementing the grain interface
/// (<see cref="DispatchProxy"/>), so this class cannot be sealed.
/// </summary>
#pragma warning disable CA1852 // DispatchProxy derives the proxy type from this class at run time.
internal class GrainProxy : DispatchProxy
#pragma warning restore CA1852
{
    public GrainRuntime Runtime { get; private set; } = null!;

    public GrainId Id { get; private set; }

    public GrainClassInfo GrainClass { get; private set; } = null!;

    private GrainInterfaceInfo Interface { get; set; } = null!;

    /// <summary>The activation the last call went to; reused while it stays valid, to skip the catalog lookup.</summary>
    public GrainActivation? CachedActivation { get; set; }

    public static TGrainInterface Create<TGrainInterface>(
        GrainRuntime runtime, GrainId id, GrainClassInfo grainClass, GrainInterfaceInfo grainInterface)
    {
        var proxy = (GrainProxy)(object)Create<TGrainInterface, GrainProxy>()!;
        proxy.Runtime = runtime;
        proxy.Id = id;
        proxy.GrainClass = grainClass;
        proxy.Interface = grainInterface;
        return (TGrainInterface)(object)proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        Interface.GetInvoker(targetMethod!).Call(this, args ?? []);

    public override string ToString() => Id.ToString();

    public override bool Equals(object? obj) => obj is GrainProxy other && other.Id == Id;

    public override int GetHashCode() => Id.GetHashCode();
}
