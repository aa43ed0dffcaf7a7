using Grpc.Core;
using PlugInnan.Persistence;

namespace PlugInnan.Api.Access;

/// <summary>Puts reads of student data and refused calls on record, before the answer leaves the silo.</summary>
public sealed class Auditor(IAuditLog log, TimeProvider time)
{
    public const string Granted = "OK";

    /// <summary>A read of student data: which students, at which school, by whom.</summary>
    public Task ReadAsync(ServerCallContext context, string? schoolUnitCode, IReadOnlyList<string> students) =>
        WriteAsync(context, Granted, schoolUnitCode, students);

    /// <summary>Refuses the call with PERMISSION_DENIED, on record, unless <paramref name="allowed"/>.</summary>
    /// <param name="what">What the client does not act for, as the message names it (e.g. "school unit 12345678").</param>
    public async Task RequireAsync(ServerCallContext context, bool allowed, string? schoolUnitCode, string what)
    {
        if (!allowed)
        {
            await RefusedAsync(context, StatusCode.PermissionDenied, schoolUnitCode);
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"This client does not act for {what}."));
        }
    }

    /// <summary>A refused call, with the status it got.</summary>
    public Task RefusedAsync(ServerCallContext context, StatusCode outcome, string? schoolUnitCode = null, IReadOnlyList<string>? students = null) =>
        WriteAsync(context, outcome.ToString(), schoolUnitCode, students ?? []);

    private Task WriteAsync(ServerCallContext context, string outcome, string? schoolUnitCode, IReadOnlyList<string> students)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = CallerInterceptor.CallerOrNull(context)?.Name ?? "(unauthenticated)";
        return log.WriteAsync(
            new AuditEntry(time.GetUtcNow(), client, context.Peer, context.Method, outcome, schoolUnitCode, students),
            CancellationToken.None); // an audit entry is written even if the caller has given up
    }
}
