using System.Net;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlugInnan.Grpc.InteropServer;
using PlugInnan.TestSupport;

namespace PlugInnan.Grpc.Tests;

/// <summary>PROTOCOL-HTTP2.md behaviour checked on the wire.</summary>
public sealed class ProtocolTests(InteropServerFixture server) : IClassFixture<InteropServerFixture>
{
    private const string Unary = "/grpc.testing.TestService/UnaryCall";

    private static readonly byte[] LargeRequest = RawGrpc.Frame(new SimpleRequest { ResponseSize = 1000, Payload = new Payload { Body = ByteString.CopyFrom(new byte[500]) } });

    [Fact]
    public async Task A_request_that_is_not_application_grpc_gets_HTTP_415()
    {
        var response = await RawGrpc.CallAsync(server.Port, Unary, LargeRequest, contentType: "application/json");

        Assert.Equal(415, response.HttpStatus);
    }

    [Fact]
    public async Task An_HTTP_1_request_is_told_to_use_HTTP_2()
    {
        RawResponse? response = null;
        var error = await Record.ExceptionAsync(async () => response = await RawGrpc.CallAsync(server.Port, Unary, LargeRequest, version: HttpVersion.Version11));

        // The endpoint speaks HTTP/2 only: an HTTP/1.1 client gets a protocol error, never a gRPC answer.
        Assert.True(error is HttpRequestException || response is { GrpcStatus: null }, $"unexpected: {error?.GetType().Name} {response}");
    }

    [Fact]
    public async Task Unknown_service_and_method_get_UNIMPLEMENTED_as_a_trailers_only_response()
    {
        var service = await RawGrpc.CallAsync(server.Port, "/no.such.Service/Call", RawGrpc.Frame(new Empty()));
        var method = await RawGrpc.CallAsync(server.Port, "/grpc.testing.TestService/UnimplementedCall", RawGrpc.Frame(new Empty()));

        Assert.Equal((12, "Service is unimplemented."), (service.GrpcStatus, service.GrpcMessage));
        Assert.Equal((12, "Method is unimplemented."), (method.GrpcStatus, method.GrpcMessage));
        Assert.True(service.IsTrailersOnly);
    }

    [Fact]
    public async Task A_message_over_the_receive_limit_gets_RESOURCE_EXHAUSTED_from_its_length_prefix_alone()
    {
        var prefixOnly = new byte[] { 0, 0x04, 0, 0, 0 }; // announces 64 MiB, sends none of it

        var response = await RawGrpc.CallAsync(server.Port, Unary, prefixOnly);

        Assert.Equal(8, response.GrpcStatus);
        Assert.Equal("Received message larger than max (67108864 vs. 4194304).", response.GrpcMessage);
    }

    [Fact]
    public async Task An_undecodable_message_gets_INTERNAL()
    {
        var response = await RawGrpc.CallAsync(server.Port, Unary, RawGrpc.Frame([0xFF, 0xFF, 0xFF, 0xFF]));

        Assert.Equal(13, response.GrpcStatus);
    }

    [Fact]
    public async Task An_unsupported_request_encoding_gets_UNIMPLEMENTED_naming_the_supported_ones()
    {
        var response = await RawGrpc.CallAsync(server.Port, Unary, LargeRequest, new Dictionary<string, string> { ["grpc-encoding"] = "br" });

        Assert.Equal(12, response.GrpcStatus);
        Assert.Equal("identity,gzip", response.Headers["grpc-accept-encoding"]);
    }

    [Fact]
    public async Task A_zero_timeout_is_already_expired()
    {
        var response = await RawGrpc.CallAsync(server.Port, Unary, LargeRequest, new Dictionary<string, string> { ["grpc-timeout"] = "0m" });

        Assert.Equal(4, response.GrpcStatus);
    }

    [Theory]
    [InlineData("q80=")]
    [InlineData("q80")]
    public async Task Binary_metadata_is_accepted_padded_and_unpadded_and_sent_unpadded(string base64)
    {
        var response = await RawGrpc.CallAsync(server.Port, Unary, LargeRequest,
            new Dictionary<string, string> { ["x-grpc-test-echo-trailing-bin"] = base64 });

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("q80", response.Trailers["x-grpc-test-echo-trailing-bin"]);
    }

    [Fact]
    public async Task Status_messages_are_percent_encoded_on_the_wire()
    {
        var request = RawGrpc.Frame(new SimpleRequest { ResponseStatus = new EchoStatus { Code = 2, Message = "100 % fel\n☺" } });

        var response = await RawGrpc.CallAsync(server.Port, Unary, request);

        Assert.Equal("100 %25 fel%0A%E2%98%BA", response.GrpcMessage);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Responses_are_gzip_compressed_when_the_client_accepts_it_and_the_call_asks(bool compressed)
    {
        var request = RawGrpc.Frame(new SimpleRequest { ResponseSize = 5000, ResponseCompressed = new BoolValue { Value = compressed } });

        var response = await RawGrpc.CallAsync(server.Port, Unary, request, new Dictionary<string, string> { ["grpc-accept-encoding"] = "gzip" });

        var frame = Assert.Single(response.Frames);
        Assert.Equal(compressed, frame.Compressed);
        var payload = compressed ? RawGrpc.Gunzip(frame.Payload) : frame.Payload;
        Assert.Equal(5000, SimpleResponse.Parser.ParseFrom(payload).Payload.Body.Length);
        Assert.True(frame.Payload.Length < 5000 == compressed);
    }

    [Fact]
    public async Task A_compressed_request_is_decompressed()
    {
        var request = RawGrpc.Frame(new SimpleRequest { ResponseSize = 10, ExpectCompressed = new BoolValue { Value = true } }, compress: true);

        var response = await RawGrpc.CallAsync(server.Port, Unary, request, new Dictionary<string, string> { ["grpc-encoding"] = "gzip" });

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal(10, SimpleResponse.Parser.ParseFrom(Assert.Single(response.Frames).Payload).Payload.Body.Length);
    }

    [Fact]
    public async Task A_handler_exception_gets_UNKNOWN_with_a_correlation_id_and_no_internals()
    {
        using var logs = new CapturingLoggerProvider();
        await using var host = await GrpcTestHost.StartAsync(s => s.AddGrpcService<ProbeService>(), logs: logs);

        var response = await RawGrpc.CallAsync(host.Port, Unary, LargeRequest);

        Assert.Equal(2, response.GrpcStatus);
        Assert.StartsWith("Exception was thrown by handler. Correlation id: ", response.GrpcMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("hemligt", response.GrpcMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperation", response.GrpcMessage, StringComparison.Ordinal);
        var correlationId = response.GrpcMessage!["Exception was thrown by handler. Correlation id: ".Length..];
        var logged = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(correlationId, logged.Message, StringComparison.Ordinal); // the log entry the client can quote
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    [Fact]
    public async Task A_grpc_timeout_cancels_the_handler_and_ends_the_call_with_DEADLINE_EXCEEDED_from_the_server()
    {
        await using var host = await GrpcTestHost.StartAsync(s => s.AddGrpcService<ProbeService>());
        var key = Guid.NewGuid().ToString("N");

        var response = await RawGrpc.CallAsync(host.Port, "/grpc.testing.TestService/HalfDuplexCall", [],
            new Dictionary<string, string> { ["grpc-timeout"] = "200m", ["x-probe"] = key });

        Assert.Equal((4, "Deadline Exceeded"), (response.GrpcStatus, response.GrpcMessage));
        Assert.True(ProbeService.Cancelled[key].Task.IsCompleted);
    }

    [Fact]
    public async Task Interceptors_can_refuse_a_call_and_hand_values_to_the_handler()
    {
        await using var host = await GrpcTestHost.StartAsync(s => s.AddGrpcService<ProbeService>().AddSingleton<IServerInterceptor, CallerInterceptor>());
        const string empty = "/grpc.testing.TestService/EmptyCall";

        var refused = await RawGrpc.CallAsync(host.Port, empty, RawGrpc.Frame(new Empty()));
        var other = await RawGrpc.CallAsync(host.Port, empty, RawGrpc.Frame(new Empty()), new Dictionary<string, string> { ["x-caller"] = "rektor-1" });

        Assert.Equal((7, "x-caller is required."), (refused.GrpcStatus, refused.GrpcMessage));
        Assert.Equal(0, other.GrpcStatus);
    }

    [Fact]
    public async Task Bad_request_details_travel_in_grpc_status_details_bin_naming_each_field()
    {
        await using var host = await GrpcTestHost.StartAsync(s => s.AddGrpcService<ProbeService>().AddSingleton<IServerInterceptor, CallerInterceptor>());

        var response = await RawGrpc.CallAsync(host.Port, "/grpc.testing.TestService/EmptyCall", RawGrpc.Frame(new Empty()),
            new Dictionary<string, string> { ["x-caller"] = "mentor-7" });

        Assert.Equal(3, response.GrpcStatus);
        var status = Google.Rpc.Status.Parser.ParseFrom(GrpcProtocol.FromBase64(response.Headers["grpc-status-details-bin"]));
        Assert.Equal(3, status.Code);
        var badRequest = Assert.Single(status.Details).Unpack<BadRequest>();
        Assert.Equal(["civic_no", "year_level"], badRequest.FieldViolations.Select(v => v.Field));
    }
}
