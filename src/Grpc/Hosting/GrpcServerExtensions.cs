using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PlugInnan.Grpc;

public static class GrpcServerExtensions
{
    /// <summary>The gRPC protocol layer; add services with <see cref="AddGrpcService{TService}"/>.</summary>
    public static IServiceCollection AddGrpcServer(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        services.AddRouting();
        services.TryAddSingleton(TimeProvider.System);
        var options = services.AddOptions<GrpcServerOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<GrpcDispatcher>();
        return services;
    }

    public static IServiceCollection AddGrpcService<TService>(this IServiceCollection services)
        where TService : class, IGrpcService
    {
        services.AddSingleton<IGrpcService, TService>();
        return services;
    }

    /// <summary>grpc.health.v1.Health, reporting the ASP.NET Core health checks (add checks with AddHealthChecks()).</summary>
    public static IServiceCollection AddGrpcHealth(this IServiceCollection services, Action<GrpcHealthOptions>? configure = null)
    {
        services.AddHealthChecks();
        var options = services.AddOptions<GrpcHealthOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return services.AddGrpcService<HealthService>();
    }

    /// <summary>Server reflection, grpc.reflection.v1 and v1alpha, over every registered service.</summary>
    public static IServiceCollection AddGrpcReflection(this IServiceCollection services)
    {
        services.TryAddSingleton<ReflectionService>();
        services.AddSingleton<IGrpcService>(sp => sp.GetRequiredService<ReflectionService>());
        return services.AddGrpcService<ReflectionServiceV1Alpha>();
    }

    /// <summary>Serves every bound method at <c>POST /package.Service/Method</c>; anything else under that shape gets UNIMPLEMENTED.</summary>
    public static IEndpointRouteBuilder MapGrpcServices(this IEndpointRouteBuilder endpoints)
    {
        var dispatcher = endpoints.ServiceProvider.GetRequiredService<GrpcDispatcher>();
        foreach (var path in dispatcher.MethodPaths)
        {
            endpoints.MapPost(path, dispatcher.HandleAsync); // literal routes: matched without route values
        }

        endpoints.MapPost("/{service}/{method}", dispatcher.HandleAsync);
        return endpoints;
    }

    /// <summary>Listens for gRPC: h2c on the address and port, or TLS with ALPN h2 when a certificate is configured.</summary>
    public static KestrelServerOptions ListenForGrpc(this KestrelServerOptions kestrel, GrpcEndpointOptions endpoint)
    {
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
