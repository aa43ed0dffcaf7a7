using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace PlugInnan.Grpc;

/// <summary>
/// Binds handlers to the methods of one service descriptor, checking each binding against the
/// descriptor (method name, streaming kind, message types) so a mismatch fails at start-up.
/// </summary>
public sealed class GrpcServiceBuilder(ServiceDescriptor service)
{
    private readonly ServiceDescriptor service = service ?? throw new ArgumentNullException(nameof(service));

    internal List<GrpcMethod> Methods { get; } = [];

    public GrpcServiceBuilder Unary<TRequest, TResponse>(string method, Func<TRequest, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse> =>
        Add<TRequest, TResponse>(method, MethodKind.Unary, handler);

    public GrpcServiceBuilder ServerStreaming<TRequest, TResponse>(
        string method, Func<TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse> =>
        Add<TRequest, TResponse>(method, MethodKind.ServerStreaming, handler);

    public GrpcServiceBuilder ClientStreaming<TRequest, TResponse>(
        string method, Func<IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse> =>
        Add<TRequest, TResponse>(method, MethodKind.ClientStreaming, handler);

    public GrpcServiceBuilder DuplexStreaming<TRequest, TResponse>(
        string method, Func<IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse> =>
        Add<TRequest, TResponse>(method, MethodKind.DuplexStreaming, handler);

    private GrpcServiceBuilder Add<TRequest, TResponse>(string method, MethodKind kind, Delegate handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(handler);
        var descriptor = service.FindMethodByName(method)
            ?? throw new ArgumentException($"{service.FullName} has no method {method}.", nameof(method));
        var declared = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodKind.Unary,
            (true, false) => MethodKind.ClientStreaming,
            (false, true) => MethodKind.ServerStreaming,
            _ => MethodKind.DuplexStreaming,
        };
        if (declared != kind)
        {
            throw new ArgumentException($"{service.FullName}/{method} is {declared}, bound as {kind}.", nameof(method));
        }

        if (descriptor.InputType.ClrType != typeof(TRequest) || descriptor.OutputType.ClrType != typeof(TResponse))
        {
            throw new ArgumentException(
                $"{service.FullName}/{method} takes {descriptor.InputType.FullName} and returns {descriptor.OutputType.FullName}; " +
                $"bound with {typeof(TRequest).Name} and {typeof(TResponse).Name}.", nameof(method));
        }

        if (Methods.Any(m => m.Descriptor == descriptor))
        {
            throw new ArgumentException($"{service.FullName}/{method} is bound twice.", nameof(method));
        }

        Methods.Add(new GrpcMethod<TRequest, TResponse>(descriptor, kind, handler));
        return this;
    }
}
