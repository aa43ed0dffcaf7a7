using Grpc.Core;
using Grpc.Core.Interceptors;

namespace PlugInnan.Grpc.Bench;

/// <summary>Calls answered with status OK: h2load counts gRPC errors as successes, so correctness is counted here.</summary>
public sealed class ServedCounter
{
    private long count;

    public long Count => Interlocked.Read(ref count);

    public void Add() => Interlocked.Increment(ref count);
}

/// <summary>Counts a unary call once its handler returned a response (status OK).</summary>
internal sealed class CountingInterceptor(ServedCounter counter) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var response = await continuation(request, context);
        counter.Add();
        return response;
    }
}
