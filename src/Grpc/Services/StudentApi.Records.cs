using Grpc.Core;
using Google.Protobuf;
using PlugInnan.Api.Access;
using PlugInnan.Api.Calls;
using PlugInnan.Api.Mapping;
using PlugInnan.Grains;
using PlugInnan.Grains.Rules;
using V1 = PlugInnan.Api.V1;

namespace PlugInnan.Api.Services;

/// <summary>Writes about one student, each with a request id: checked, then run once.</summary>
public sealed partial class StudentApi
{
    private const int MaxGradesPerRequest = 100;
    private const int MaxTextLength = StudentRecordRules.MaxTextLength;

    [Roles(ApiRole.SchoolSystem)]
    public override Task<V1.RecordGradesResponse> RecordGrades(V1.RecordGradesRequest request, ServerCallContext context) =>
        WriteAsync(context, request, request.RequestId, request.Student, violations =>
        {
            violations.Require(request.Grades.Count is >= 1 and <= MaxGradesPerRequest, "grades", $"must hold 1–{MaxGradesPerRequest} grades");
            return request.Grades.Select((g, i) =>
            {
                var field = $"grades[{i}]";
                RequestChecks.Subject(violations, g.Subject, $"{field}.subject");
                violations.Require(SwedishGradingScale.Instance.IsValid(g.Grade), $"{field}.grade", "must be A, B, C, D, E, F or -");
                var semester = Enums.Required<V1.Semester, Semester>(violations, g.Semester, $"{field}.semester");
                violations.Require(g.Year is >= 2000 and <= 2100, $"{field}.year", "must be 2000–2100");
                var registered = Dates.Required(violations, g.RegisteredOn, $"{field}.registered_on");
                return new GradeEntry(g.Subject, new SchoolTerm(g.Year, semester), g.Grade, g.Final, registered);
            }).ToList();
        },
        async (student, grades) =>
        {
            await student.RecordGrades(grades);
            return new V1.RecordGradesResponse { GradesApplied = grades.Count };
        });

    [Roles(ApiRole.SchoolSystem)]
    public override Task<V1.RecordSubjectAlertResponse> RecordSubjectAlert(V1.RecordSubjectAlertRequest request, ServerCallContext context) =>
        WriteAsync(context, request, request.RequestId, request.Student, violations =>
        {
            RequestChecks.Subject(violations, request.Subject, "subject");
            var raised = Dates.Required(violations, request.RaisedOn, "raised_on");
            var resolved = Dates.Optional(violations, request.ResolvedOn, "resolved_on");
            violations.Require(resolved is null || resolved >= raised, "resolved_on", "must not be before raised_on");
            return new SubjectAlert(request.Subject, raised, resolved);
        },
        async (student, alert) =>
        {
            await student.RecordSubjectAlert(alert);
            return new V1.RecordSubjectAlertResponse();
        });

    [Roles(ApiRole.SchoolSystem)]
    public override Task<V1.RecordConnectednessResponse> RecordConnectedness(V1.RecordConnectednessRequest request, ServerCallContext context) =>
        WriteAsync(context, request, request.RequestId, request.Student, violations =>
        {
            var date = Dates.Required(violations, request.Date, "date");
            foreach (var (value, field) in new[] { (request.Behavioural, "behavioural"), (request.Academic, "academic"), (request.Cognitive, "cognitive"), (request.Affective, "affective") })
            {
                violations.Require(value is >= 1 and <= 5, field, "must be 1–5");
            }

            return new ConnectednessCheckIn(date, request.Behavioural, request.Academic, request.Cognitive, request.Affective);
        },
        async (student, checkIn) =>
        {
            await student.RecordConnectedness(checkIn);
            return new V1.RecordConnectednessResponse();
        });

    [Roles(ApiRole.SchoolSystem)]
    public override Task<V1.CreateInterventionResponse> CreateIntervention(V1.CreateInterventionRequest request, ServerCallContext context) =>
        WriteAsync(context, request, request.RequestId, request.Student, violations =>
        {
            var level = Enums.Required<V1.PreventionLevel, PreventionLevel>(violations, request.Level, "level");
            var area = Enums.Required<V1.DevelopmentArea, DevelopmentArea>(violations, request.Area, "area");
            var factors = request.SuccessFactors.Select((f, i) => Enums.Required<V1.SuccessFactor, SuccessFactor>(violations, f, $"success_factors[{i}]")).Distinct().ToList();
            RequestChecks.Text(violations, request.Description, "description", MaxTextLength);
            RequestChecks.Text(violations, request.Owner, "owner", MaxTextLength);
            var start = Dates.Required(violations, request.StartDate, "start_date");
            var followUp = Dates.Required(violations, request.FollowUpDate, "follow_up_date");
            violations.Require(followUp >= start, "follow_up_date", "must not be before start_date");
            violations.Require(request.Status is V1.InterventionStatus.Unspecified or V1.InterventionStatus.Planned or V1.InterventionStatus.Active, "status", "must be PLANNED or ACTIVE (or unset, meaning ACTIVE) for a new intervention");
            var status = request.Status == V1.InterventionStatus.Planned ? InterventionStatus.Planned : InterventionStatus.Active;
            return new Intervention(ApiCalls.DerivedId("iv", context, request.RequestId), level, area, factors, request.Description, request.Owner, start, followUp, status);
        },
        async (student, intervention) =>
        {
            await student.RecordIntervention(intervention);
            return new V1.CreateInterventionResponse { Intervention = StudentMapping.ToApi(intervention) };
        });

    [Roles(ApiRole.SchoolSystem)]
    public override Task<V1.UpdateInterventionResponse> UpdateIntervention(V1.UpdateInterventionRequest request, ServerCallContext context) =>
        WriteAsync(context, request, request.RequestId, request.Student, violations =>
        {
            RequestChecks.Text(violations, request.InterventionId, "intervention_id", StudentRecordRules.MaxIdLength);
            RequestChecks.Text(violations, request.Owner, "owner", MaxTextLength, required: false);
            RequestChecks.Text(violations, request.Description, "description", MaxTextLength, required: false);
            return new InterventionChange(
                request.InterventionId,
                Enums.Optional<V1.InterventionStatus, InterventionStatus>(violations, request.Status, "status"),
                Enums.Optional<V1.InterventionEvaluation, InterventionEvaluation>(violations, request.Evaluation, "evaluation"),
                Dates.Optional(violations, request.FollowUpDate, "follow_up_date"),
                NullIfEmpty(request.Owner),
                NullIfEmpty(request.Description));
        },
        async (student, change) => new V1.UpdateInterventionResponse { Intervention = StudentMapping.ToApi(await student.UpdateIntervention(change)) });

    [Roles(ApiRole.SchoolSystem)]
    public override Task<V1.RecordGuardianContactResponse> RecordGuardianContact(V1.RecordGuardianContactRequest request, ServerCallContext context) =>
        WriteAsync(context, request, request.RequestId, request.Student, violations => new GuardianContact(
            ApiCalls.DerivedId("gc", context, request.RequestId),
            Dates.Required(violations, request.Date, "date"),
            Enums.Required<V1.ContactChannel, ContactChannel>(violations, request.Channel, "channel"),
            Enums.Required<V1.ContactReason, ContactReason>(violations, request.Reason, "reason"),
            Enums.Required<V1.ContactOutcome, ContactOutcome>(violations, request.Outcome, "outcome")),
        async (student, contact) =>
        {
            await student.RecordGuardianContact(contact);
            return new V1.RecordGuardianContactResponse { Contact = StudentMapping.ToApi(contact) };
        });

    [Roles(ApiRole.SchoolSystem)]
    public override Task<V1.OpenAbsenceInvestigationResponse> OpenAbsenceInvestigation(V1.OpenAbsenceInvestigationRequest request, ServerCallContext context) =>
        WriteAsync(context, request, request.RequestId, request.Student, violations => new AbsenceInvestigation(
            ApiCalls.DerivedId("ai", context, request.RequestId),
            Dates.Required(violations, request.OpenedOn, "opened_on"),
            null,
            Enums.Flags<V1.InvestigationParticipant, InvestigationParticipants>(violations, request.Participants, "participants"),
            null),
        async (student, investigation) =>
        {
            await student.RecordAbsenceInvestigation(investigation);
            return new V1.OpenAbsenceInvestigationResponse { Investigation = StudentMapping.ToApi(investigation) };
        });

    [Roles(ApiRole.SchoolSystem)]
    public override Task<V1.ReportAbsenceInvestigationResponse> ReportAbsenceInvestigation(V1.ReportAbsenceInvestigationRequest request, ServerCallContext context) =>
        WriteAsync(context, request, request.RequestId, request.Student, violations =>
        {
            RequestChecks.Text(violations, request.InvestigationId, "investigation_id", StudentRecordRules.MaxIdLength);
            return Dates.Required(violations, request.ReportedOn, "reported_on");
        },
        async (student, reportedOn) => new V1.ReportAbsenceInvestigationResponse
        {
            Investigation = StudentMapping.ToApi(await student.ReportAbsenceInvestigation(request.InvestigationId, reportedOn)),
        },
        new Dictionary<string, string> { ["reported_to_organiser_on"] = "reported_on" });

    [Roles(ApiRole.SchoolSystem)]
    public override Task<V1.CloseAbsenceInvestigationResponse> CloseAbsenceInvestigation(V1.CloseAbsenceInvestigationRequest request, ServerCallContext context) =>
        WriteAsync(context, request, request.RequestId, request.Student, violations =>
        {
            RequestChecks.Text(violations, request.InvestigationId, "investigation_id", StudentRecordRules.MaxIdLength);
            return (ClosedOn: Dates.Required(violations, request.ClosedOn, "closed_on"),
                Participants: Enums.Flags<V1.InvestigationParticipant, InvestigationParticipants>(violations, request.Participants, "participants"));
        },
        async (student, close) => new V1.CloseAbsenceInvestigationResponse
        {
            Investigation = StudentMapping.ToApi(await student.CloseAbsenceInvestigation(request.InvestigationId, close.ClosedOn, close.Participants)),
        });

    [Roles(ApiRole.SchoolSystem)]
    public override Task<V1.RecordHandoverResponse> RecordHandover(V1.RecordHandoverRequest request, ServerCallContext context) =>
        WriteAsync(context, request, request.RequestId, request.Student, violations =>
        {
            RequestChecks.SchoolUnitCode(violations, request.FromSchoolUnitCode, "from_school_unit_code");
            RequestChecks.SchoolUnitCode(violations, request.ToSchoolUnitCode, "to_school_unit_code");
            violations.Require(request.FromSchoolUnitCode != request.ToSchoolUnitCode, "to_school_unit_code", "must differ from from_school_unit_code");
            return new Handover(
                ApiCalls.DerivedId("ho", context, request.RequestId),
                request.FromSchoolUnitCode,
                request.ToSchoolUnitCode,
                Dates.Required(violations, request.Date, "date"),
                Enums.Flags<V1.HandoverItem, HandoverContent>(violations, request.PassedOn, "passed_on"));
        },
        async (student, handover) =>
        {
            await student.RecordHandover(handover);
            return new V1.RecordHandoverResponse { Handover = StudentMapping.ToApi(handover) };
        });

    /// <summary>
    /// The shape of every write about one student: check the request id, the student reference and
    /// the record (all problems at once), find the student among the caller's, then run once.
    /// </summary>
    private async Task<TResponse> WriteAsync<TRecord, TResponse>(
        ServerCallContext context,
        IMessage request,
        string requestId,
        V1.StudentRef? student,
        Func<Violations, TRecord> read,
        Func<IStudentGrain, TRecord, Task<TResponse>> write,
        IReadOnlyDictionary<string, string>? fieldNames = null)
        where TResponse : IMessage<TResponse>, new()
    {
        var violations = new Violations();
        RequestChecks.RequestId(violations, requestId);
        var id = students.IdOf(violations, student, "student");
        var record = read(violations);
        violations.ThrowIfAny();

        await students.ReachableAsync(context, id);
        return await calls.OnceAsync(context, request, requestId, () => write(grains.GetGrain<IStudentGrain>(id), record), fieldNames);
    }
}
