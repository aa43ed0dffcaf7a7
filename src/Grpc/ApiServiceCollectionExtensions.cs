using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PlugInnan.Api.Access;
using PlugInnan.Api.Calls;
using PlugInnan.Api.Identity;
using PlugInnan.Api.Services;
using PlugInnan.Api.Hosting;
using PlugInnan.Persistence;

namespace PlugInnan.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// The pluginnan.v1 services with their access rules (section <c>Api</c>), request log and audit log.
    /// Needs the gRPC server, the grain runtime and the grain storage.
    /// </summary>
    public static IServiceCollection AddPlugInnanApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddApiRecords();
        services.AddSingleton<ApiClients>();
        services.AddSingleton(sp => PseudonymKey.Load(sp.GetRequiredService<IOptions<ApiOptions>>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("PlugInnan.Api")));
        services.AddSingleton<Auditor>();
        services.AddSingleton<Students>();
        services.AddSingleton<ApiCalls>();
        services.AddSingleton<FollowUpFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<FollowUpFeed>());
        services.AddHostedService<ApiStartupCheck>();
        return services.AddPlugInnanGrpc(configuration);
    }
}
