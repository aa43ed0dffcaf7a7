using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace PlugInnan.Runtime;

/// <summary>Configures the grain runtime: which assemblies hold grain classes, and storage providers.</summary>
public sealed class GrainRuntimeBuilder(IServiceCollection services)
{
    internal List<Assembly> GrainAssemblies { get; } = [];

    public IServiceCollection Services => services;

    /// <summary>Adds the grain classes found in <paramref name="assembly"/>.</summary>
    public GrainRuntimeBuilder AddGrains(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        GrainAssemblies.Add(assembly);
        return this;
    }
}
