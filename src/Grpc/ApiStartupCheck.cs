using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlugInnan.Api.Access;
using PlugInnan.Grains.Identity;

namespace PlugInnan.Api;

/// <summary>Loads the clients and the pseudonymisation key at start, so a bad setting stops the silo instead of the first call.</summary>
internal sealed partial class ApiStartupCheck(IServiceProvider services, ILogger<ApiStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var clients = services.GetRequiredService<ApiClients>();
        services.GetRequiredService<StudentPseudonym>();
        foreach (var client in clients.All)
        {
            LogClient(logger, client.Name, client.Roles, client.LoopbackOnly);
        }

        if (!clients.All.Any())
        {
            LogNoClients(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "API client {Name}: roles {Roles}, only from this machine: {LoopbackOnly}")]
    private static partial void LogClient(ILogger logger, string name, IReadOnlySet<ApiRole> roles, bool loopbackOnly);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API clients are configured (Api:Clients): every pluginnan.v1 call will be refused.")]
    private static partial void LogNoClients(ILogger logger);
}
