using Google.Protobuf;

namespace PlugInnan.Grpc.Client;

/// <summary>
/// A gRPC client over <see cref="HttpClient"/> (HTTP/2; h2c with prior knowledge for http:// addresses),
/// for tests, benchmarks and tools. Methods are addressed by path, <c>/package.Service/Method</c>.
/// </summary>
public sealed class GrpcClient(HttpClient http, Uri address)
{
    public GrpcClient(Uri address)
        : this(new HttpClient(new SocketsHttpHandler { EnableMultipleHttp2Connections = true }) { Timeout = Timeout.InfiniteTimeSpan }, address)
    {
    }

    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(string method, TRequest request, CallOptions? options = null)
        where TRequest : IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        using var call = Start<TRequest, TResponse>(method, options);
        await call.WriteAsync(request);
        await call.CompleteAsync();
        var response = await call.ReadAsync() ?? throw call.StatusError("The server sent no response message.");
        await call.ExpectEndAsync();
        return response;
    }

    public async Task<TResponse> ClientStreamingAsync<TRequest, TResponse>(string method, IEnumerable<TRequest> requests, CallOptions? options = null)
        where TRequest : IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        using var call = Start<TRequest, TResponse>(method, options);
        foreach (var request in requests)
        {
            await call.WriteAsync(request);
        }

        await call.CompleteAsync();
        var response = await call.ReadAsync() ?? throw call.StatusError("The server sent no response message.");
        await call.ExpectEndAsync();
        return response;
    }

    /// <summary>A server-streaming call: read with <see cref="GrpcCallHandle{TRequest, TResponse}.ReadAsync"/> until null.</summary>
    public async Task<GrpcCallHandle<TRequest, TResponse>> ServerStreamingAsync<TRequest, TResponse>(
        string method, TRequest request, CallOptions? options = null)
        where TRequest : IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        var call = Start<TRequest, TResponse>(method, options);
        await call.WriteAsync(request);
        await call.CompleteAsync();
        return call;
    }

    /// <summary>A call to drive by hand: client-streaming or bidirectional.</summary>
    public GrpcCallHandle<TRequest, TResponse> Start<TRequest, TResponse>(string method, CallOptions? options = null)
        where TRequest : IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        new(http, new Uri(address, method), options ?? CallOptions.Default);
}
