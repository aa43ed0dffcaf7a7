using Google.Rpc;
using Grpc.Testing;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace PlugInnan.Grpc.Tests;

/// <summary>grpc.testing.TestService bound to handlers that misbehave on purpose.</summary>
internal sealed class ProbeService : IGrpcService
{
    /// <summary>Completes when a HalfDuplexCall handler sees its cancellation token fire.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> Cancelled = new();

    /// <summary>Completes when a HalfDuplexCall handler has started.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> Started = new();

    public ServiceDescriptor Descriptor => TestReflection.Descriptor.Services.Single(s => s.Name == "TestService");

    public void Bind(GrpcServiceBuilder builder) => builder
        .Unary<SimpleRequest, SimpleResponse>("UnaryCall", (_, _) =>
            throw new InvalidOperationException("connection string Password=hemligt leaked"))
        .Unary<Empty, Empty>("EmptyCall", (_, context) =>
            context.UserState.TryGetValue("caller", out var caller) && caller is "mentor-7"
                ? throw RpcException.InvalidArgument("The request has 2 invalid fields.",
                [
                    new BadRequest.Types.FieldViolation { Field = "civic_no", Description = "Check digit is wrong.", Reason = "INVALID_CHECK_DIGIT" },
                    new BadRequest.Types.FieldViolation { Field = "year_level", Description = "Must be 0-10.", Reason = "OUT_OF_RANGE" },
                ])
                : Task.FromResult(new Empty()))
        .DuplexStreaming<StreamingOutputCallRequest, StreamingOutputCallResponse>("HalfDuplexCall", async (_, _, context) =>
        {
            var key = context.RequestHeaders.GetValue("x-probe") ?? "";
            Started.GetOrAdd(key, _ => new()).TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled.GetOrAdd(key, _ => new()).TrySetResult();
                throw;
            }
        });
}

/// <summary>Refuses calls without an x-caller header; hands the caller to the handler.</summary>
internal sealed class CallerInterceptor : IServerInterceptor
{
    public Task InterceptAsync(ServerCallContext context, Func<Task> continuation)
    {
        var caller = context.RequestHeaders.GetValue("x-caller")
            ?? throw new RpcException(StatusCode.PermissionDenied, "x-caller is required.");
        context.UserState["caller"] = caller;
        return continuation();
    }
}
