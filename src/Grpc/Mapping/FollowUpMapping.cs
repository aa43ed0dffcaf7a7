using Google.Protobuf.WellKnownTypes;
using PlugInnan.Grains;
using V1 = PlugInnan.Api.V1;

namespace PlugInnan.Api.Mapping;

/// <summary>Follow-up tasks from the domain to the API.</summary>
internal static class FollowUpMapping
{
    public static V1.FollowUp ToApi(FollowUpTask task) => new()
    {
        FollowUpId = task.Id,
        Kind = Enums.ToApi<FollowUpKind, V1.FollowUpKind>(task.Kind),
        StudentId = task.StudentId,
        SchoolUnitCode = task.SchoolUnitCode,
        Role = Enums.ToApi<ResponsibleRole, V1.ResponsibleRole>(task.Role),
        Created = Timestamp.FromDateTimeOffset(task.Created),
        Due = Dates.ToProto(task.Due),
        Status = Enums.ToApi<FollowUpStatus, V1.FollowUpStatus>(task.Status),
        TriggerRule = task.Trigger.Rule,
        TriggerValue = task.Trigger.Value,
        TriggerThreshold = task.Trigger.Threshold,
        Closed = task.Closed is { } closed ? Timestamp.FromDateTimeOffset(closed) : null,
        ClosedBy = task.ClosedBy ?? "",
        DismissReason = task.DismissReason ?? "",
        AssignedTo = task.AssignedTo ?? "",
    };
}
