namespace PlugInnan.Grpc;

/// <summary>The request stream of a client-streaming or bidirectional call.</summary>
public interface IAsyncStreamReader<out T>
{
    T Current { get; }

    /// <summary>Reads the next message; false when the client has finished sending.</summary>
    Task<bool> MoveNext(CancellationToken cancellationToken);
}

/// <summary>The response stream of a server-streaming or bidirectional call.</summary>
public interface IServerStreamWriter<in T>
{
    /// <summary>Sends one message; <paramref name="compress"/> overrides the call's compression for it.</summary>
    Task WriteAsync(T message, bool? compress = null);
}
