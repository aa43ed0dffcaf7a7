using System.Net;
using Grpc.Health.V1;
using Grpc.Reflection.V1;
using Grpc.Core;
using PlugInnan.TestSupport;

namespace PlugInnan.Silo.Tests;

/// <summary>
/// The protocol's edge cases against the real silo process. After each one the silo must still
/// answer health checks: nothing may crash or wedge it.
/// </summary>
public sealed class SiloGrpcEdgeTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    private const string Check = "/grpc.health.v1.Health/Check";
    private const string Watch = "/grpc.health.v1.Health/Watch";

    private static readonly byte[] CheckRequest = RawGrpc.Frame(new HealthCheckRequest());

    private GrpcClient Client => new(new Uri($"http://127.0.0.1:{silo.GrpcPort}"));

    [Fact]
    public async Task Health_check_and_watch_report_serving()
    {
        var check = await Client.UnaryAsync<HealthCheckRequest, HealthCheckResponse>(Check, new HealthCheckRequest());
        using var watch = await Client.ServerStreamingAsync<HealthCheckRequest, HealthCheckResponse>(Watch, new HealthCheckRequest());
        var first = await watch.ReadAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, check.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, first!.Status);
        await AssertStillServing();
    }

    [Fact]
    public async Task Reflection_lists_the_services()
    {
        using var call = Client.Start<ServerReflectionRequest, ServerReflectionResponse>("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo");
        await call.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        var response = await call.ReadAsync();
        await call.CompleteAsync();

        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "pluginnan.v1.FollowUpService", "pluginnan.v1.SchoolService", "pluginnan.v1.StudentService", "pluginnan.v1.SubprojectService"],
            response!.ListServicesResponse.Service.Select(s => s.Name).Order(StringComparer.Ordinal));
        await AssertStillServing();
    }

    [Fact]
    public async Task An_oversize_message_gets_RESOURCE_EXHAUSTED()
    {
        var response = await RawGrpc.CallAsync(silo.GrpcPort, Check, [0, 0x7F, 0xFF, 0xFF, 0xFF]);

        Assert.Equal((int)StatusCode.ResourceExhausted, response.GrpcStatus);
        await AssertStillServing();
    }

    // Grpc.AspNetCore's answers: INTERNAL for a broken frame, UNKNOWN for a payload that does not parse
    // or a flag it does not know (it fails in deserializing); either way the call ends, the server serves on.
    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 0, 10, 1, 2, 3 }, StatusCode.Internal)] // the stream ends inside the message
    [InlineData(new byte[] { 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF }, StatusCode.Unknown)] // not a protobuf message
    [InlineData(new byte[] { 7, 0, 0, 0, 0 }, StatusCode.Unknown)] // an unknown flag
    [InlineData(new byte[] { 1, 0, 0, 0, 1, 0 }, StatusCode.Internal)] // marked compressed with no grpc-encoding
    public async Task A_malformed_frame_ends_the_call_with_an_error_status(byte[] frame, StatusCode expected)
    {
        var response = await RawGrpc.CallAsync(silo.GrpcPort, Check, frame);

        Assert.Equal((int)expected, response.GrpcStatus);
        await AssertStillServing();
    }

    [Fact]
    public async Task A_wrong_content_type_gets_HTTP_415()
    {
        var response = await RawGrpc.CallAsync(silo.GrpcPort, Check, CheckRequest, contentType: "text/plain");

        Assert.Equal(415, response.HttpStatus);
        await AssertStillServing();
    }

    [Fact]
    public async Task An_HTTP_1_1_request_is_refused_without_harm()
    {
        RawResponse? response = null;
        var error = await Record.ExceptionAsync(async () => response = await RawGrpc.CallAsync(silo.GrpcPort, Check, CheckRequest, version: HttpVersion.Version11));

        // The endpoint speaks HTTP/2 only: the client gets a protocol error, never a gRPC answer.
        Assert.True(error is HttpRequestException || response is { GrpcStatus: null }, $"unexpected: {error?.GetType().Name} {response}");
        await AssertStillServing();
    }

    [Fact]
    public async Task A_deadline_on_a_streaming_call_ends_it_with_DEADLINE_EXCEEDED_from_the_server()
    {
        var response = await RawGrpc.CallAsync(silo.GrpcPort, Watch, CheckRequest, new Dictionary<string, string> { ["grpc-timeout"] = "300m" });

        Assert.Equal((int)StatusCode.DeadlineExceeded, response.GrpcStatus);
        Assert.Single(response.Frames); // the first status went out before the deadline
        await AssertStillServing();
    }

    [Fact]
    public async Task Many_concurrent_streams_on_one_connection_all_complete()
    {
        using var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false };
        var client = new GrpcClient(new Uri($"http://127.0.0.1:{silo.GrpcPort}"), handler);

        var watches = new List<GrpcCallHandle<HealthCheckRequest, HealthCheckResponse>>();
        for (var i = 0; i < 50; i++)
        {
            watches.Add(await client.ServerStreamingAsync<HealthCheckRequest, HealthCheckResponse>(Watch, new HealthCheckRequest()));
        }

        var checks = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ =>
            client.UnaryAsync<HealthCheckRequest, HealthCheckResponse>(Check, new HealthCheckRequest())));
        var firstOfEachWatch = await Task.WhenAll(watches.Select(w => w.ReadAsync()));
        watches.ForEach(w => w.Dispose());

        Assert.All(checks, c => Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, c.Status));
        Assert.All(firstOfEachWatch, w => Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, w!.Status));
        await AssertStillServing();
    }

    private async Task AssertStillServing()
    {
        var check = await Client.UnaryAsync<HealthCheckRequest, HealthCheckResponse>(Check, new HealthCheckRequest()).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, check.Status);
    }
}
