namespace PlugInnan.Grpc;

/// <summary>
/// Runs around every call, outermost first in registration order: authentication, audit and
/// metrics plug in here. Throw <see cref="RpcException"/> to end the call; await <paramref name="continuation"/> to go on.
/// </summary>
public interface IServerInterceptor
{
    Task InterceptAsync(ServerCallContext context, Func<Task> continuation);
}
