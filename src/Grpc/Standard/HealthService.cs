using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace PlugInnan.Grpc;

/// <summary>
/// grpc.health.v1.Health over ASP.NET Core's health checks: SERVING while every registered check
/// (grain storage among them) is healthy, NOT_SERVING otherwise. The server as a whole is "", and
/// each registered service shares its status.
/// </summary>
internal sealed class HealthService(IServiceProvider services, HealthCheckService checks, IOptions<GrpcHealthOptions> options, TimeProvider timeProvider)
    : IGrpcService
{
    public ServiceDescriptor Descriptor => HealthReflection.Descriptor.Services.Single(s => s.Name == "Health");

    public void Bind(GrpcServiceBuilder builder) => builder
        .Unary<HealthCheckRequest, HealthCheckResponse>("Check", Check)
        .ServerStreaming<HealthCheckRequest, HealthCheckResponse>("Watch", Watch);

    private async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        if (!IsKnown(request.Service))
        {
            throw new RpcException(StatusCode.NotFound, $"Unknown service '{request.Service}'.");
        }

        return new HealthCheckResponse { Status = await CurrentAsync(context.CancellationToken) };
    }

    private async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responses, ServerCallContext context)
    {
        HealthCheckResponse.Types.ServingStatus? last = null;
        while (!context.CancellationToken.IsCancellationRequested)
        {
            var status = IsKnown(request.Service)
                ? await CurrentAsync(context.CancellationToken)
                : HealthCheckResponse.Types.ServingStatus.ServiceUnknown;
            if (status != last)
            {
                await responses.WriteAsync(new HealthCheckResponse { Status = status });
                last = status;
            }

            await Task.Delay(options.Value.WatchInterval, timeProvider, context.CancellationToken);
        }
    }

    private bool IsKnown(string service) =>
        service.Length == 0 || services.GetRequiredService<GrpcDispatcher>().ServiceNames.Contains(service);

    private async Task<HealthCheckResponse.Types.ServingStatus> CurrentAsync(CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(cancellationToken);
        return report.Status == HealthStatus.Unhealthy
            ? HealthCheckResponse.Types.ServingStatus.NotServing
            : HealthCheckResponse.Types.ServingStatus.Serving;
    }
}
