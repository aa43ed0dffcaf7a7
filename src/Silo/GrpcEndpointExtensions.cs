using PlugInnan.Api;
using PlugInnan.Grpc;

namespace PlugInnan.Silo;

public static class GrpcEndpointExtensions
{
    /// <summary>
    /// The gRPC endpoint from <c>Grpc:Endpoint</c> (h2c on 127.0.0.1:50051 unless configured, TLS with a
    /// certificate), the protocol settings from <c>Grpc:Server</c>, health checking, server reflection, and
    /// the pluginnan.v1 API with its clients from <c>Api</c>.
    /// </summary>
    public static WebApplicationBuilder AddGrpcEndpoint(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration.GetSection("Grpc:Endpoint").Get<GrpcEndpointOptions>() ?? new GrpcEndpointOptions();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenForGrpc(endpoint));
        builder.Services.AddSingleton(endpoint);
        builder.Services.AddGrpcServer(options => builder.Configuration.GetSection("Grpc:Server").Bind(options));
        builder.Services.AddGrpcHealth();
        builder.Services.AddGrpcReflection();
        builder.Services.AddPlugInnanApi(builder.Configuration);
        return builder;
    }
}
