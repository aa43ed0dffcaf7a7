using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace PlugInnan.Api.Calls;

/// <summary>
/// Turns an exception no handler turned into a status into UNKNOWN with a correlation id, and logs the
/// exception under that id: internals stay in the log, the client gets the id to quote. A status chosen
/// because of an exception (UNAVAILABLE after a lost silo) logs that exception as a warning.
/// </summary>
public sealed partial class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return GuardAsync(() => continuation(request, context), context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return GuardAsync(() => continuation(requestStream, context), context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return GuardAsync(async () => { await continuation(request, responseStream, context); return true; }, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return GuardAsync(async () => { await continuation(requestStream, responseStream, context); return true; }, context);
    }

    /// <summary>Every kind of call through the same two rules: a chosen status logs its cause; anything else is hidden behind a correlation id.</summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> call, ServerCallContext context)
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.Status.DebugException is { } cause)
        {
            LogStatusCause(logger, cause, context.Method, e.StatusCode, context.GetHttpContext().TraceIdentifier);
            throw;
        }
        catch (Exception e) when (Unexpected(e, context))
        {
            throw Hidden(e, context);
        }
    }

    /// <summary>A status the code chose, or a call the client ended, passes through as it is.</summary>
    private static bool Unexpected(Exception e, ServerCallContext context) =>
        e is not RpcException && !(e is OperationCanceledException && context.CancellationToken.IsCancellationRequested);

    private RpcException Hidden(Exception e, ServerCallContext context)
    {
        var correlationId = context.GetHttpContext().TraceIdentifier;
        LogHandlerFailed(logger, e, context.Method, correlationId);
        return new RpcException(new Status(StatusCode.Unknown, $"Exception was thrown by handler. Correlation id: {correlationId}"));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "gRPC call {Method} answered {StatusCode} (correlation id {CorrelationId})")]
    private static partial void LogStatusCause(ILogger logger, Exception exception, string method, StatusCode statusCode, string correlationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "gRPC handler for {Method} failed (correlation id {CorrelationId})")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string method, string correlationId);
}
