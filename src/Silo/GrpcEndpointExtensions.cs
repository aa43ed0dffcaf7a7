using PlugInnan.Api;
using PlugInnan.Api.Hosting;
using PlugInnan.Silo.Settings;

namespace PlugInnan.Silo;

public static class GrpcEndpointExtensions
{
    /// <summary>
    /// The gRPC endpoint from <c>Grpc:Endpoint</c> (h2c on 127.0.0.1:50051 unless configured, TLS with a
    /// certificate), Grpc.AspNetCore with the settings from <c>Grpc:Server</c>, health checking that
    /// means the silo is active in its cluster and its storage answers, server reflection, and the
    /// pluginnan.v1 API with its clients from <c>Api</c>.
    /// </summary>
    public static WebApplicationBuilder AddGrpcEndpoint(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration.GetSection(GrpcEndpointSettings.Section).Get<GrpcEndpointSettings>() ?? new GrpcEndpointSettings();
        var address = SettingsCheck.Address(endpoint.Address, $"{GrpcEndpointSettings.Section}:Address");
        PortCheck.RequireFree(address, endpoint.Port, $"{GrpcEndpointSettings.Section}:Port");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenForGrpc(endpoint));
        builder.Services.AddSingleton(endpoint);
        builder.Services.AddPlugInnanApi(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<SiloActiveHealthCheck>("silo");
        return builder;
    }
}
