using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PlugInnan.Runtime.Core;

namespace PlugInnan.Runtime;

public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain runtime: <see cref="IGrainFactory"/>, the activation catalog, idle collection and
    /// graceful shutdown as a hosted service. Options come from <see cref="GrainRuntimeOptions"/>.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new GrainRuntimeBuilder(services);
        configure(builder);

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<GrainRuntimeOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClusterOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(_ => new GrainClassRegistry(builder.GrainAssemblies));
        services.AddSingleton<GrainRuntime>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.AddHostedService<GrainRuntimeHostedService>();
        return services;
    }
}
