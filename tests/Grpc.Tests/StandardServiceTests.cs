using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using Grpc.Reflection.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PlugInnan.Grpc.Client;
using PlugInnan.Grpc.InteropServer;

namespace PlugInnan.Grpc.Tests;

/// <summary>Health checking and server reflection.</summary>
public sealed class StandardServiceTests
{
    private const string Check = "/grpc.health.v1.Health/Check";
    private const string Watch = "/grpc.health.v1.Health/Watch";

    [Fact]
    public async Task Health_follows_the_health_checks_and_names_unknown_services()
    {
        var storage = new SwitchableCheck();
        await using var host = await StartAsync(storage);
        var client = new GrpcClient(new Uri($"http://127.0.0.1:{host.Port}"));

        var whole = await client.UnaryAsync<HealthCheckRequest, HealthCheckResponse>(Check, new HealthCheckRequest());
        var testService = await client.UnaryAsync<HealthCheckRequest, HealthCheckResponse>(Check, new HealthCheckRequest { Service = "grpc.testing.TestService" });
        storage.Healthy = false;
        var down = await client.UnaryAsync<HealthCheckRequest, HealthCheckResponse>(Check, new HealthCheckRequest());
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync<HealthCheckRequest, HealthCheckResponse>(Check, new HealthCheckRequest { Service = "no.Such" }));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, whole.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, testService.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, down.Status);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Health_watch_sends_the_status_and_then_each_change()
    {
        var storage = new SwitchableCheck();
        await using var host = await StartAsync(storage);
        var client = new GrpcClient(new Uri($"http://127.0.0.1:{host.Port}"));

        using var watch = await client.ServerStreamingAsync<HealthCheckRequest, HealthCheckResponse>(Watch, new HealthCheckRequest());
        var first = await watch.ReadAsync();
        storage.Healthy = false;
        var second = await watch.ReadAsync().WaitAsync(TimeSpan.FromSeconds(10));
        storage.Healthy = true;
        var third = await watch.ReadAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(
            [HealthCheckResponse.Types.ServingStatus.Serving, HealthCheckResponse.Types.ServingStatus.NotServing, HealthCheckResponse.Types.ServingStatus.Serving],
            new[] { first!.Status, second!.Status, third!.Status });
    }

    [Fact]
    public async Task Reflection_lists_services_and_serves_files_with_their_dependencies()
    {
        await using var host = await StartAsync(new SwitchableCheck());
        var client = new GrpcClient(new Uri($"http://127.0.0.1:{host.Port}"));
        using var call = client.Start<ServerReflectionRequest, ServerReflectionResponse>("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo");

        await call.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        var list = await call.ReadAsync();
        await call.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "grpc.testing.TestService.UnaryCall" });
        var files = await call.ReadAsync();
        await call.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "grpc.testing.SimpleRequest" });
        var message = await call.ReadAsync();
        await call.WriteAsync(new ServerReflectionRequest { FileByFilename = "no/such.proto" });
        var missing = await call.ReadAsync();
        await call.CompleteAsync();

        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "grpc.testing.TestService"],
            list!.ListServicesResponse.Service.Select(s => s.Name));
        var protos = files!.FileDescriptorResponse.FileDescriptorProto.Select(b => FileDescriptorProto.Parser.ParseFrom(b)).ToList();
        Assert.Equal("grpc/testing/test.proto", protos[0].Name);
        Assert.Contains(protos[0].Service, s => s.Name == "TestService");
        Assert.Equal(["grpc/testing/empty.proto", "grpc/testing/messages.proto", "grpc/testing/test.proto"], protos.Select(p => p.Name).Order());
        Assert.Equal("grpc/testing/messages.proto", FileDescriptorProto.Parser.ParseFrom(message!.FileDescriptorResponse.FileDescriptorProto[0]).Name);
        Assert.Equal((int)StatusCode.NotFound, missing!.ErrorResponse.ErrorCode);
    }

    private static Task<GrpcTestHost> StartAsync(SwitchableCheck check) => GrpcTestHost.StartAsync(services =>
    {
        services.AddGrpcService<TestServiceImplementation>();
        services.AddGrpcHealth(o => o.WatchInterval = TimeSpan.FromMilliseconds(20));
        services.AddGrpcReflection();
        services.AddHealthChecks().AddCheck("storage", check);
    });

    private sealed class SwitchableCheck : IHealthCheck
    {
        public volatile bool Healthy = true;

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(Healthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("storage unreachable"));
    }
}
