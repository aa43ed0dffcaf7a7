using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;

namespace PlugInnan.Runtime.Core;

/// <summary>What the runtime knows of one grain class: its type name, reentrancy and how to construct it.</summary>
internal sealed class GrainClassInfo
{
    private readonly ConstructorInfo constructor;
    private readonly ParameterInfo[] parameters;

    public GrainClassInfo(Type classType)
    {
        ClassType = classType;
        GrainTypeName = classType.GetCustomAttribute<GrainTypeAttribute>()?.GrainType ?? DefaultTypeName(classType);
        IsReentrant = classType.IsDefined(typeof(ReentrantAttribute), inherit: true);
        var constructors = classType.GetConstructors();
        constructor = constructors.Length == 1
            ? constructors[0]
            : throw new InvalidOperationException($"Grain class {classType.Name} must have exactly one public constructor.");
        parameters = constructor.GetParameters();
        foreach (var p in parameters.Where(p => p.IsDefined(typeof(PersistentStateAttribute))))
        {
            if (!p.ParameterType.IsGenericType || p.ParameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException(
                    $"{classType.Name}: [PersistentState] parameter '{p.Name}' must be an IPersistentState<T>.");
            }
        }
    }

    public Type ClassType { get; }

    public string GrainTypeName { get; }

    public bool IsReentrant { get; }

    /// <summary>Constructs the grain for <paramref name="activation"/>, binding its persistent states.</summary>
    public Grain Create(GrainActivation activation, IServiceProvider services)
    {
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var attribute = parameter.GetCustomAttribute<PersistentStateAttribute>();
            arguments[i] = attribute is null
                ? services.GetRequiredService(parameter.ParameterType)
                : CreateState(attribute, parameter.ParameterType.GetGenericArguments()[0], activation, services);
        }

        try
        {
            GrainActivation.Constructing = activation;
            return (Grain)constructor.Invoke(arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
        finally
        {
            GrainActivation.Constructing = null;
        }
    }

    private object CreateState(PersistentStateAttribute attribute, Type stateType, GrainActivation activation, IServiceProvider services)
    {
        var storage = services.GetKeyedService<IGrainStorage>(attribute.StorageName)
            ?? throw new InvalidOperationException(
                $"{ClassType.Name} keeps state '{attribute.StateName}' in grain storage '{attribute.StorageName}', " +
                "but no storage of that name is registered (AddSqliteGrainStorage / AddPostgreSqlGrainStorage).");
        if (stateType.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException($"{ClassType.Name}: state type {stateType.Name} needs a public parameterless constructor.");
        }

        var state = Activator.CreateInstance(
            typeof(PersistentState<>).MakeGenericType(stateType), attribute.StateName, activation.Id, storage)!;
        activation.AddState((IActivationState)state);
        return state;
    }

    /// <summary>Orleans' convention: <c>CounterGrain</c> becomes <c>counter</c>.</summary>
    private static string DefaultTypeName(Type classType)
    {
        var name = classType.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }
}
