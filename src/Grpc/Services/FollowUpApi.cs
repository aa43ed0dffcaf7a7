using Grpc.Core;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Orleans;
using PlugInnan.Api.Access;
using PlugInnan.Api.Calls;
using PlugInnan.Api.Mapping;
using PlugInnan.Grains;
using V1 = PlugInnan.Api.V1;

namespace PlugInnan.Api.Services;

/// <summary>pluginnan.v1.FollowUpService: the scheduled workflows' tasks, for the school systems of their schools.</summary>
public sealed class FollowUpApi(IGrainFactory grains, ApiCalls calls, Auditor auditor, FollowUpFeed feed) : V1.FollowUpService.FollowUpServiceBase
{
    private const int MaxTextLength = 500;

    [Roles(ApiRole.SchoolSystem)]
    public override async Task<V1.ListFollowUpsResponse> ListFollowUps(V1.ListFollowUpsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestChecks.SchoolUnitCode(violations, request.SchoolUnitCode);
        var filter = new FollowUpFilter(
            Enums.Optional<V1.ResponsibleRole, ResponsibleRole>(violations, request.Role, "role"),
            Enums.Optional<V1.FollowUpStatus, FollowUpStatus>(violations, request.Status, "status"),
            Dates.Optional(violations, request.DueBefore, "due_before"));
        var paging = PageRequest.Read(violations, request.PageSize, request.PageToken, $"{request.SchoolUnitCode}|{filter}");
        violations.ThrowIfAny();

        await RequireSchoolAsync(context, request.SchoolUnitCode);
        var tasks = await ApiCalls.RunAsync(() => grains.GetGrain<IFollowUpGrain>(request.SchoolUnitCode).List(filter));
        var (page, next) = paging.Take(tasks);
        await auditor.ReadAsync(context, request.SchoolUnitCode, [.. page.Select(t => t.StudentId).Distinct()]);
        var response = new V1.ListFollowUpsResponse { NextPageToken = next };
        response.FollowUps.AddRange(page.Select(FollowUpMapping.ToApi));
        return response;
    }

    [Roles(ApiRole.SchoolSystem)]
    public override Task<V1.CompleteFollowUpResponse> CompleteFollowUp(V1.CompleteFollowUpRequest request, ServerCallContext context) =>
        CloseAsync(
            context, request, request.RequestId, request.SchoolUnitCode, request.FollowUpId, request.ClosedBy, reason: null,
            async grain => new V1.CompleteFollowUpResponse { FollowUp = FollowUpMapping.ToApi(await grain.Complete(request.FollowUpId, request.ClosedBy)) });

    [Roles(ApiRole.SchoolSystem)]
    public override Task<V1.DismissFollowUpResponse> DismissFollowUp(V1.DismissFollowUpRequest request, ServerCallContext context) =>
        CloseAsync(
            context, request, request.RequestId, request.SchoolUnitCode, request.FollowUpId, request.ClosedBy, request.Reason,
            async grain => new V1.DismissFollowUpResponse { FollowUp = FollowUpMapping.ToApi(await grain.Dismiss(request.FollowUpId, request.ClosedBy, request.Reason)) });

    /// <summary>Completing and dismissing: the same checks (a reason only for dismissing), then once per request id.</summary>
    private async Task<TResponse> CloseAsync<TResponse>(
        ServerCallContext context, IMessage request, string requestId, string school, string followUpId, string closedBy, string? reason, Func<IFollowUpGrain, Task<TResponse>> close)
        where TResponse : IMessage<TResponse>, new()
    {
        var violations = new Violations();
        RequestChecks.RequestId(violations, requestId);
        RequestChecks.SchoolUnitCode(violations, school);
        RequestChecks.Text(violations, followUpId, "follow_up_id", 300);
        RequestChecks.Text(violations, closedBy, "closed_by", MaxTextLength);
        if (reason is not null)
        {
            RequestChecks.Text(violations, reason, "reason", MaxTextLength);
        }

        violations.ThrowIfAny();
        await RequireSchoolAsync(context, school);
        return await calls.OnceAsync(
            context, request, requestId, () => close(grains.GetGrain<IFollowUpGrain>(school)), new Dictionary<string, string> { ["task_id"] = "follow_up_id", ["by"] = "closed_by" });
    }

    [Roles(ApiRole.SchoolSystem)]
    public override async Task WatchFollowUps(V1.WatchFollowUpsRequest request, IServerStreamWriter<V1.WatchFollowUpsResponse> responseStream, ServerCallContext context)
    {
        var violations = new Violations();
        RequestChecks.SchoolUnitCode(violations, request.SchoolUnitCode);
        violations.ThrowIfAny();

        await RequireSchoolAsync(context, request.SchoolUnitCode);
        using var subscription = await ApiCalls.RunAsync(() => feed.WatchAsync(request.SchoolUnitCode));
        await auditor.ReadAsync(context, request.SchoolUnitCode, []); // the watch itself is on record; what it streams are ids only
        await context.WriteResponseHeadersAsync(new Metadata()); // the watch is set up: changes from now on reach the client
        try
        {
            await foreach (var task in subscription.Changes.ReadAllAsync(context.CancellationToken))
            {
                await responseStream.WriteAsync(new V1.WatchFollowUpsResponse { FollowUp = FollowUpMapping.ToApi(task) });
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client stopped watching.
        }
    }

    /// <summary>Follow-ups name students: a school system of the school only.</summary>
    private Task RequireSchoolAsync(ServerCallContext context, string schoolUnitCode) =>
        auditor.RequireAsync(context, CallerInterceptor.Caller(context).MayReachStudentsOf(schoolUnitCode), schoolUnitCode, $"school unit {schoolUnitCode}");
}
