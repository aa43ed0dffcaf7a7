namespace PlugInnan.Grpc.Bench;

/// <summary>Calls answered with status OK: h2load counts gRPC errors as successes, so correctness is counted here.</summary>
public sealed class ServedCounter
{
    private long count;

    public long Count => Interlocked.Read(ref count);

    public void Add() => Interlocked.Increment(ref count);
}

internal sealed class CountingInterceptor(ServedCounter counter) : IServerInterceptor
{
    public async Task InterceptAsync(ServerCallContext context, Func<Task> continuation)
    {
        await continuation();
        counter.Add();
    }
}
