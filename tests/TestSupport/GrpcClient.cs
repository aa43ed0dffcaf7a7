using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace PlugInnan.TestSupport;

/// <summary>
/// Grpc.Net.Client addressed by method path (<c>/package.Service/Method</c>), so tests can call any
/// service with the generated messages alone, including tables of methods built at run time. It lives
/// as long as the test that made it; its channel closes with the process.
/// </summary>
public sealed class GrpcClient
{
    private readonly CallInvoker invoker;

    public GrpcClient(Uri address, HttpMessageHandler? handler = null)
    {
        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = handler ?? new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
            MaxReceiveMessageSize = null,
            MaxSendMessageSize = null,
        });
        invoker = channel.CreateCallInvoker();
    }

    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(string method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        using var call = invoker.AsyncUnaryCall(Method<TRequest, TResponse>(MethodType.Unary, method), null, options, request);
        return await call.ResponseAsync;
    }

    public async Task<TResponse> ClientStreamingAsync<TRequest, TResponse>(string method, IEnumerable<TRequest> requests, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(requests);
        using var call = invoker.AsyncClientStreamingCall(Method<TRequest, TResponse>(MethodType.ClientStreaming, method), null, options);
        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request);
        }

        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    /// <summary>A server-streaming call: read with <see cref="GrpcCallHandle{TRequest, TResponse}.ReadAsync"/> until null.</summary>
    public Task<GrpcCallHandle<TRequest, TResponse>> ServerStreamingAsync<TRequest, TResponse>(string method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var call = invoker.AsyncServerStreamingCall(Method<TRequest, TResponse>(MethodType.ServerStreaming, method), null, options, request);
        return Task.FromResult(new GrpcCallHandle<TRequest, TResponse>(null, call.ResponseStream, () => call.ResponseHeadersAsync, call));
    }

    /// <summary>A bidirectional call to drive by hand.</summary>
    public GrpcCallHandle<TRequest, TResponse> Start<TRequest, TResponse>(string method, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var call = invoker.AsyncDuplexStreamingCall(Method<TRequest, TResponse>(MethodType.DuplexStreaming, method), null, options);
        return new GrpcCallHandle<TRequest, TResponse>(call.RequestStream, call.ResponseStream, () => call.ResponseHeadersAsync, call);
    }

    /// <summary>Headers with the API key, as every pluginnan.v1 call sends them.</summary>
    public static CallOptions Bearer(string key) => new(new Metadata { { "authorization", $"Bearer {key}" } });

    private static Method<TRequest, TResponse> Method<TRequest, TResponse>(MethodType type, string path)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var slash = path.LastIndexOf('/');
        return new Method<TRequest, TResponse>(type, path[1..slash], path[(slash + 1)..], Marshal<TRequest>(), Marshal<TResponse>());
    }

    private static Marshaller<T> Marshal<T>()
        where T : class, IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        return Marshallers.Create(m => m.ToByteArray(), parser.ParseFrom);
    }
}

/// <summary>A streaming call in progress.</summary>
public sealed class GrpcCallHandle<TRequest, TResponse>(
    IClientStreamWriter<TRequest>? requests, IAsyncStreamReader<TResponse> responses, Func<Task<Metadata>> headers, IDisposable call) : IDisposable
    where TResponse : class
{
    public Task<Metadata> ResponseHeadersAsync() => headers();

    public Task WriteAsync(TRequest message) =>
        (requests ?? throw new InvalidOperationException("A server-streaming call takes no more requests.")).WriteAsync(message);

    public Task CompleteAsync() =>
        (requests ?? throw new InvalidOperationException("A server-streaming call takes no more requests.")).CompleteAsync();

    /// <summary>The next response message, or null when the server ended the call with OK.</summary>
    public async Task<TResponse?> ReadAsync() => await responses.MoveNext(CancellationToken.None) ? responses.Current : null;

    public void Dispose() => call.Dispose();
}
