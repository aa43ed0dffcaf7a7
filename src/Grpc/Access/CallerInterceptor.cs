using System.Net;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;

namespace PlugInnan.Api.Access;

/// <summary>
/// Authenticates every pluginnan.v1 call by its bearer key and checks the caller's role for the method
/// (its <see cref="RolesAttribute"/>); refusals are audited. Health and reflection are not intercepted:
/// they carry no data.
/// </summary>
public sealed class CallerInterceptor(ApiClients clients, Auditor auditor) : Interceptor
{
    private const string CallerKey = "pluginnan.caller";
    private const string ApiPrefix = "/pluginnan.v1.";
    private const string BearerPrefix = "Bearer ";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        await AdmitAsync(context);
        return await continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        await AdmitAsync(context);
        return await continuation(requestStream, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        await AdmitAsync(context);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        await AdmitAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    /// <summary>The authenticated caller; every pluginnan.v1 handler runs behind this interceptor.</summary>
    public static ApiCaller Caller(ServerCallContext context) =>
        CallerOrNull(context) ?? throw new InvalidOperationException("The call was not authenticated: is CallerInterceptor registered?");

    internal static ApiCaller? CallerOrNull(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.UserState.TryGetValue(CallerKey, out var caller) ? caller as ApiCaller : null;
    }

    private async Task AdmitAsync(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Method.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            return; // grpc.health.v1 and server reflection: open to all
        }

        var http = context.GetHttpContext();
        var header = context.RequestHeaders.GetValue("authorization");
        var fromLoopback = http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
        var caller = header is not null && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? clients.Find(header[BearerPrefix.Length..].Trim(), fromLoopback)
            : null;
        if (caller is null)
        {
            await auditor.RefusedAsync(context, StatusCode.Unauthenticated);
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Send an API key as 'authorization: Bearer <key>'; this one is missing or unknown."));
        }

        context.UserState[CallerKey] = caller;
        var roles = http.GetEndpoint()?.Metadata.GetMetadata<RolesAttribute>()?.Roles ?? [];
        if (!roles.Any(caller.Is))
        {
            await auditor.RefusedAsync(context, StatusCode.PermissionDenied);
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"Client '{caller.Name}' ({string.Join(", ", caller.Roles)}) may not call {context.Method}."));
        }
    }
}
