using System.Collections.Concurrent;
using System.Reflection;

namespace PlugInnan.Runtime.Core;

/// <summary>Maps grain interfaces to the grain classes that implement them, from the assemblies given at start-up.</summary>
internal sealed class GrainClassRegistry
{
    private static readonly HashSet<Type> MarkerInterfaces =
        [typeof(IAddressable), typeof(IGrain), typeof(IGrainWithStringKey), typeof(IGrainWithGuidKey), typeof(IGrainWithIntegerKey)];

    private readonly Dictionary<Type, List<GrainClassInfo>> implementations = [];
    private readonly ConcurrentDictionary<Type, GrainInterfaceInfo> interfaces = new();

    public GrainClassRegistry(IEnumerable<Assembly> assemblies)
    {
        var classes = assemblies.Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } && t.IsSubclassOf(typeof(Grain)))
            .Select(t => new GrainClassInfo(t))
            .ToList();

        var duplicate = classes.GroupBy(c => c.GrainTypeName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Grain type name '{duplicate.Key}' is used by {string.Join(" and ", duplicate.Select(c => c.ClassType.Name))}; " +
                "give one of them a [GrainType] attribute.");
        }

        foreach (var grainClass in classes)
        {
            foreach (var grainInterface in grainClass.ClassType.GetInterfaces()
                         .Where(i => typeof(IGrain).IsAssignableFrom(i) && !MarkerInterfaces.Contains(i)))
            {
                if (!implementations.TryGetValue(grainInterface, out var list))
                {
                    implementations[grainInterface] = list = [];
                }

                list.Add(grainClass);
            }
        }

        GrainClasses = classes;
    }

    public IReadOnlyList<GrainClassInfo> GrainClasses { get; }

    public (GrainClassInfo GrainClass, GrainInterfaceInfo Interface) Resolve(Type grainInterface)
    {
        if (!implementations.TryGetValue(grainInterface, out var candidates))
        {
            throw new ArgumentException(
                $"No grain class implements {grainInterface.Name}. Is its assembly added with AddGrains(...)?", nameof(grainInterface));
        }

        if (candidates.Count > 1)
        {
            throw new ArgumentException(
                $"{grainInterface.Name} is implemented by {string.Join(", ", candidates.Select(c => c.ClassType.Name))}; " +
                "give each class its own grain interface.", nameof(grainInterface));
        }

        return (candidates[0], interfaces.GetOrAdd(grainInterface, static t => new GrainInterfaceInfo(t)));
    }
}
