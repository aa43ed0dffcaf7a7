using System.IO.Compression;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PlugInnan.Api.Access;
using PlugInnan.Api.Calls;
using PlugInnan.Api.Services;

namespace PlugInnan.Api.Hosting;

public static class GrpcServerExtensions
{
    /// <summary>
    /// Grpc.AspNetCore with the pluginnan.v1 services' interceptors (errors outermost, then the caller's
    /// identity and role), message size and compression from <c>Grpc:Server</c>, grpc.health.v1 over the
    /// ASP.NET Core health checks, and server reflection.
    /// </summary>
    public static IServiceCollection AddPlugInnanGrpc(this IServiceCollection services, IConfiguration configuration)
    {
        var server = configuration.GetSection(GrpcServerSettings.Section).Get<GrpcServerSettings>() ?? new GrpcServerSettings();
        services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = server.MaxReceiveMessageSize;
            options.ResponseCompressionAlgorithm = server.CompressResponses ? "gzip" : null;
            options.ResponseCompressionLevel = CompressionLevel.Fastest;
            options.EnableDetailedErrors = false;
            options.Interceptors.Add<ErrorInterceptor>();
            options.Interceptors.Add<CallerInterceptor>();
        });
        services.AddGrpcReflection();
        // Check runs the health checks on demand; Watch hears of changes through the publisher, every 5 s,
        // and is completed with NOT_SERVING when the silo starts stopping.
        services.AddGrpcHealthChecks(health => health.Services.Map("", _ => true)).AddCheck<DrainingHealthCheck>("draining");
        services.Configure<HealthCheckPublisherOptions>(o => (o.Delay, o.Period) = (TimeSpan.Zero, TimeSpan.FromSeconds(5)));
        return services;
    }

    /// <summary>The pluginnan.v1 services, grpc.health.v1 and server reflection (v1 and v1alpha).</summary>
    public static IEndpointRouteBuilder MapPlugInnanGrpc(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<StudentApi>();
        endpoints.MapGrpcService<SchoolApi>();
        endpoints.MapGrpcService<SubprojectApi>();
        endpoints.MapGrpcService<FollowUpApi>();
        endpoints.MapGrpcHealthChecksService();
        endpoints.MapGrpcReflectionService();
        return endpoints;
    }

    /// <summary>Listens for gRPC: h2c on the address and port, or TLS with ALPN h2 when a certificate is configured.</summary>
    public static KestrelServerOptions ListenForGrpc(this KestrelServerOptions kestrel, GrpcEndpointSettings endpoint)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentNullException.ThrowIfNull(endpoint);
        kestrel.Listen(IPAddress.Parse(endpoint.Address), endpoint.Port, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (!string.IsNullOrEmpty(endpoint.CertificatePath))
            {
                listen.UseHttps(X509CertificateLoader.LoadPkcs12FromFile(endpoint.CertificatePath, endpoint.CertificatePassword));
            }
        });
        return kestrel;
    }
}
