using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace PlugInnan.Grpc;

/// <summary>A bound method: its descriptor and the handler that serves it.</summary>
internal abstract class GrpcMethod(MethodDescriptor descriptor, MethodKind kind)
{
    public MethodDescriptor Descriptor { get; } = descriptor;

    public MethodKind Kind { get; } = kind;

    /// <summary>The HTTP/2 path, <c>/package.Service/Method</c>.</summary>
    public string Path { get; } = $"/{descriptor.Service.FullName}/{descriptor.Name}";

    public abstract Task InvokeAsync(GrpcCall call, ServerCallContext context);
}

internal sealed class GrpcMethod<TRequest, TResponse>(MethodDescriptor descriptor, MethodKind kind, Delegate handler)
    : GrpcMethod(descriptor, kind)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(() => new TRequest());

    public override async Task InvokeAsync(GrpcCall call, ServerCallContext context)
    {
        switch (Kind)
        {
            case MethodKind.Unary:
                var request = await call.ReadSingleMessageAsync(Parser);
                var response = await ((Func<TRequest, ServerCallContext, Task<TResponse>>)handler)(request, context);
                await call.WriteMessageAsync(response, null, flush: false);
                break;
            case MethodKind.ServerStreaming:
                var single = await call.ReadSingleMessageAsync(Parser);
                await ((Func<TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task>)handler)(
                    single, new ResponseStreamWriter<TResponse>(call), context);
                break;
            case MethodKind.ClientStreaming:
                var aggregate = await ((Func<IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>>)handler)(
                    new RequestStreamReader<TRequest>(call, Parser), context);
                await call.WriteMessageAsync(aggregate, null, flush: false);
                break;
            default:
                await ((Func<IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task>)handler)(
                    new RequestStreamReader<TRequest>(call, Parser), new ResponseStreamWriter<TResponse>(call), context);
                break;
        }
    }
}
