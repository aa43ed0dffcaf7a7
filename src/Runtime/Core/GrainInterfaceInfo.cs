using System.Collections.Frozen;
using System.Reflection;

namespace PlugInnan.Runtime.Core;

/// <summary>The invokers of one grain interface, including the methods of the grain interfaces it extends.</summary>
internal sealed class GrainInterfaceInfo
{
    private readonly FrozenDictionary<MethodInfo, MethodInvoker> invokers;

    public GrainInterfaceInfo(Type interfaceType)
    {
        InterfaceType = interfaceType;
        invokers = interfaceType.GetInterfaces().Append(interfaceType)
            .SelectMany(i => i.GetMethods())
            .ToFrozenDictionary(m => m, MethodInvoker.Create);
    }

    public Type InterfaceType { get; }

    public MethodInvoker GetInvoker(MethodInfo method) =>
        invokers.TryGetValue(method, out var invoker)
            ? invoker
            : throw new InvalidOperationException($"{method.Name} is not a method of grain interface {InterfaceType.Name}.");
}
