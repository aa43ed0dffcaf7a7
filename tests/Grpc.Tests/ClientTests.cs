using Google.Protobuf;
using Grpc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Grpc.Client;

namespace PlugInnan.Grpc.Tests;

/// <summary>The project's .NET gRPC client against the interop service (and a probe service).</summary>
public sealed class ClientTests(InteropServerFixture server) : IClassFixture<InteropServerFixture>
{
    private const string Service = "/grpc.testing.TestService/";

    private GrpcClient Client => new(new Uri($"http://127.0.0.1:{server.Port}"));

    [Fact]
    public async Task Unary_call_carries_messages_and_metadata_both_ways()
    {
        var headers = new Metadata().Add("x-grpc-test-echo-initial", "hej").Add("x-grpc-test-echo-trailing-bin", [1, 2, 3]);
        using var call = Client.Start<SimpleRequest, SimpleResponse>(Service + "UnaryCall", new CallOptions { Headers = headers });
        await call.WriteAsync(new SimpleRequest { ResponseSize = 314159, Payload = new Payload { Body = ByteString.CopyFrom(new byte[271828]) } });
        await call.CompleteAsync();

        var response = await call.ReadAsync();
        Assert.Null(await call.ReadAsync());

        Assert.Equal(314159, response!.Payload.Body.Length);
        Assert.Equal("hej", (await call.ResponseHeadersAsync()).GetValue("x-grpc-test-echo-initial"));
        Assert.Equal([1, 2, 3], call.Trailers().GetBytes("x-grpc-test-echo-trailing-bin"));
        Assert.Equal(StatusCode.OK, call.Status!.Code);
    }

    [Fact]
    public async Task Streaming_calls_work_in_every_direction()
    {
        using var stream = await Client.ServerStreamingAsync<StreamingOutputCallRequest, StreamingOutputCallResponse>(Service + "StreamingOutputCall",
            new StreamingOutputCallRequest { ResponseParameters = { new ResponseParameters { Size = 10 }, new ResponseParameters { Size = 20 } } });
        var sizes = new List<int>();
        while (await stream.ReadAsync() is { } message)
        {
            sizes.Add(message.Payload.Body.Length);
        }

        var aggregate = await Client.ClientStreamingAsync<StreamingInputCallRequest, StreamingInputCallResponse>(Service + "StreamingInputCall",
            [new() { Payload = new Payload { Body = ByteString.CopyFrom(new byte[7]) }, ExpectCompressed = new BoolValue { Value = true } },
             new() { Payload = new Payload { Body = ByteString.CopyFrom(new byte[5]) } }],
            new CallOptions { CompressRequests = true });

        using var duplex = Client.Start<StreamingOutputCallRequest, StreamingOutputCallResponse>(Service + "FullDuplexCall");
        await duplex.WriteAsync(new StreamingOutputCallRequest { ResponseParameters = { new ResponseParameters { Size = 3 } } });
        var pong = await duplex.ReadAsync();
        await duplex.CompleteAsync();

        Assert.Equal([10, 20], sizes);
        Assert.Equal(12, aggregate.AggregatedPayloadSize);
        Assert.Equal(3, pong!.Payload.Body.Length);
        Assert.Null(await duplex.ReadAsync());
    }

    [Fact]
    public async Task A_non_OK_status_surfaces_as_RpcException_with_code_and_exact_message()
    {
        const string message = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n";

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UnaryAsync<SimpleRequest, SimpleResponse>(Service + "UnaryCall",
            new SimpleRequest { ResponseStatus = new EchoStatus { Code = 9, Message = message } }));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(message, error.Status.Detail);
    }

    [Fact]
    public async Task A_deadline_ends_the_call_with_DEADLINE_EXCEEDED()
    {
        using var call = Client.Start<StreamingOutputCallRequest, StreamingOutputCallResponse>(Service + "FullDuplexCall",
            new CallOptions { Deadline = DateTime.UtcNow.AddMilliseconds(200) });

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ReadAsync());

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Client_cancellation_and_deadlines_reach_the_handlers_cancellation_token(bool byDeadline)
    {
        await using var host = await GrpcTestHost.StartAsync(s => s.AddGrpcService<ProbeService>());
        var key = Guid.NewGuid().ToString("N");
        var client = new GrpcClient(new Uri($"http://127.0.0.1:{host.Port}"));
        using var call = client.Start<StreamingOutputCallRequest, StreamingOutputCallResponse>(Service + "HalfDuplexCall", new CallOptions
        {
            Headers = new Metadata().Add("x-probe", key),
            Deadline = byDeadline ? DateTime.UtcNow.AddSeconds(3) : null, // long enough for the call to start under load
        });
        var reading = call.ReadAsync();
        await ProbeService.Started.GetOrAdd(key, _ => new()).Task.WaitAsync(TimeSpan.FromSeconds(10));

        if (!byDeadline)
        {
            call.Cancel();
        }

        await ProbeService.Cancelled.GetOrAdd(key, _ => new()).Task.WaitAsync(TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<RpcException>(() => reading);
        Assert.Equal(byDeadline ? StatusCode.DeadlineExceeded : StatusCode.Cancelled, error.StatusCode);
    }
}
