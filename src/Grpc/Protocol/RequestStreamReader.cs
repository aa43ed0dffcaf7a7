using Google.Protobuf;

namespace PlugInnan.Grpc;

internal sealed class RequestStreamReader<T>(GrpcCall call, MessageParser<T> parser) : IAsyncStreamReader<T>
    where T : class, IMessage<T>
{
    private T? current;

    public T Current => current ?? throw new InvalidOperationException("Call MoveNext first.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        current = await call.ReadMessageAsync(parser, cancellationToken);
        return current is not null;
    }
}

internal sealed class ResponseStreamWriter<T>(GrpcCall call) : IServerStreamWriter<T>
    where T : class, IMessage<T>
{
    public Task WriteAsync(T message, bool? compress = null) => call.WriteMessageAsync(message, compress);
}
