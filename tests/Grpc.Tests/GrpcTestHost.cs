using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlugInnan.TestSupport;

namespace PlugInnan.Grpc.Tests;

/// <summary>A Kestrel host with the gRPC layer and whatever services a test binds, on a free port.</summary>
internal sealed class GrpcTestHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private GrpcTestHost(WebApplication app, int port)
    {
        this.app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<GrpcTestHost> StartAsync(
        Action<IServiceCollection> services, string? certificatePath = null, ILoggerProvider? logs = null)
    {
        var port = PostgresServer.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Logging.SetMinimumLevel(logs is null ? LogLevel.Critical : LogLevel.Information);
        builder.WebHost.ConfigureKestrel(k => k.ListenForGrpc(new GrpcEndpointOptions { Port = port, CertificatePath = certificatePath }));
        builder.Services.AddGrpcServer();
        services(builder.Services);
        var app = builder.Build();
        app.MapGrpcServices();
        await app.StartAsync();
        return new GrpcTestHost(app, port);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
