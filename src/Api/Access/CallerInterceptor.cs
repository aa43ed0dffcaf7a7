using System.Net;
using PlugInnan.Grpc;

namespace PlugInnan.Api.Access;

/// <summary>
/// Authenticates every pluginnan.v1 call by its bearer key and checks the caller's role for the
/// method; refusals are audited. Health and reflection stay open (they carry no data).
/// </summary>
public sealed class CallerInterceptor(ApiClients clients, Auditor auditor) : IServerInterceptor
{
    private const string CallerKey = "pluginnan.caller";
    private const string BearerPrefix = "Bearer ";

    public async Task InterceptAsync(ServerCallContext context, Func<Task> continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        if (!context.Method.StartsWith(MethodRoles.ApiPrefix, StringComparison.Ordinal))
        {
            await continuation();
            return;
        }

        var header = context.RequestHeaders.GetValue("authorization");
        var fromLoopback = context.HttpContext.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
        var caller = header is not null && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? clients.Find(header[BearerPrefix.Length..].Trim(), fromLoopback)
            : null;
        if (caller is null)
        {
            await auditor.RefusedAsync(context, StatusCode.Unauthenticated);
            throw new RpcException(StatusCode.Unauthenticated, "Send an API key as 'authorization: Bearer <key>'; this one is missing or unknown.");
        }

        context.UserState[CallerKey] = caller;
        if (!MethodRoles.Allows(context.Method, caller))
        {
            await auditor.RefusedAsync(context, StatusCode.PermissionDenied);
            throw new RpcException(StatusCode.PermissionDenied, $"Client '{caller.Name}' ({string.Join(", ", caller.Roles)}) may not call {context.Method}.");
        }

        await continuation();
    }

    /// <summary>The authenticated caller; every pluginnan.v1 handler runs behind this interceptor.</summary>
    public static ApiCaller Caller(ServerCallContext context) =>
        CallerOrNull(context) ?? throw new InvalidOperationException("The call was not authenticated: is CallerInterceptor registered?");

    internal static ApiCaller? CallerOrNull(ServerCallContext context) =>
        context.UserState.TryGetValue(CallerKey, out var caller) ? caller as ApiCaller : null;
}
