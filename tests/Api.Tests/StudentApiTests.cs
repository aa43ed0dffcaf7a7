using PlugInnan.Api.V1;
using Grpc.Core;
using static PlugInnan.Api.Tests.Requests;

namespace PlugInnan.Api.Tests;

/// <summary>StudentService through the real silo process and the project's .NET client.</summary>
[Collection(ApiSiloDefinition.Name)]
public sealed class StudentApiTests(ApiSilo silo)
{
    [Fact]
    public async Task A_school_system_enrols_records_and_reads_the_assessment_with_its_reasons()
    {
        await RegisterAsync(ApiSilo.SchoolA);
        var civicNo = NewCivicNo();
        var enrolled = await EnrolAsync(civicNo, ApiSilo.SchoolA);
        var student = ById(enrolled.StudentId);
        var yesterday = Today.AddDays(-1);

        var attendance = await Student<RecordAttendanceRequest, RecordAttendanceResponse>("RecordAttendance", new RecordAttendanceRequest
        {
            Records =
            {
                Lesson(student, yesterday, "MA-1", attended: 0, invalid: 60),
                Lesson(ByCivicNo(civicNo), yesterday, "SV-1"), // the civic number finds the same student
            },
        });
        var grades = new RecordGradesRequest { RequestId = NewId(), Student = student };
        grades.Grades.AddRange("SV:C EN:E MA:F BI:E FY:E KE:E GE:E HI:E RE:E SH:E BL:C HKK:E IDH:A MU:E SL:E TK:E".Split(' ').Select(p => Grade(p[..p.IndexOf(':')], p[(p.IndexOf(':') + 1)..])));
        await Student<RecordGradesRequest, RecordGradesResponse>("RecordGrades", grades);

        var profile = (await Student<GetStudentRequest, GetStudentResponse>("GetStudent", new GetStudentRequest { Student = ByCivicNo(civicNo) })).Student;

        Assert.Equal((2, 1), (attendance.RecordsApplied, attendance.Students));
        Assert.Equal(32, enrolled.StudentId.Length);
        Assert.Equal(CivicNumberKind.Personnummer, enrolled.CivicNoKind);
        Assert.Equal(RiskLevel.High, profile.Risk.Level);
        Assert.Equal(["absence_window", "core_subject_grade:MA", "vocational_eligibility_projection"], profile.Risk.Reasons.Select(r => r.Indicator));
        var absence = profile.Risk.Reasons[0];
        Assert.Equal(("0.5", "0.2", Date(yesterday)), (absence.Value, absence.Threshold, absence.Since));
        Assert.StartsWith("Frånvaro 50 % av schemalagd tid", absence.Explanation, StringComparison.Ordinal);
        Assert.Contains("matematik", profile.Risk.Reasons[1].Explanation, StringComparison.Ordinal);
        Assert.False(profile.Eligibility.Vocational);
        Assert.Equal(6, profile.Eligibility.ProgrammeGroups.Count);
        Assert.Contains("Godkänt betyg i matematik.", profile.Eligibility.Missing);
        Assert.Equal(15 + 10 + 0 + (7 * 10) + 15 + 10 + 20 + 10 + 10 + 10, profile.Eligibility.MeritValue);
        Assert.Equal((0.5, 0.5), (profile.Attendance.AbsenceRateWindow, profile.Attendance.AbsenceRateTerm));
    }

    [Fact]
    public async Task A_resend_returns_the_first_answer_and_a_reused_request_id_is_refused()
    {
        await RegisterAsync(ApiSilo.SchoolA);
        var enrolled = await EnrolAsync(NewCivicNo(), ApiSilo.SchoolA);
        var create = new CreateInterventionRequest
        {
            RequestId = NewId(),
            Student = ById(enrolled.StudentId),
            Level = PreventionLevel.Indicated,
            Area = DevelopmentArea.Relationships,
            SuccessFactors = { SuccessFactor.Treatment },
            Description = "Mentorssamtal varje vecka",
            Owner = "Mentor 9A",
            StartDate = Date(Today),
            FollowUpDate = Date(Today.AddDays(14)),
        };

        var first = await Student<CreateInterventionRequest, CreateInterventionResponse>("CreateIntervention", create);
        var again = await Student<CreateInterventionRequest, CreateInterventionResponse>("CreateIntervention", create);
        var reused = await FailsAsync(StatusCode.InvalidArgument, () => Student<CreateInterventionRequest, CreateInterventionResponse>(
            "CreateIntervention", create.Clone().Also(c => c.Owner = "Someone else")));

        Assert.Equal(first, again);
        Assert.Equal(["request_id"], reused);
        var profile = await ProfileAsync(enrolled.StudentId);
        Assert.Equal(first.Intervention.InterventionId, Assert.Single(profile.Interventions).InterventionId);
    }

    [Fact]
    public async Task Interventions_investigations_contacts_handovers_alerts_and_check_ins_follow_a_student()
    {
        await RegisterAsync(ApiSilo.SchoolA);
        var enrolled = await EnrolAsync(NewCivicNo(), ApiSilo.SchoolA, year: 7);
        var student = ById(enrolled.StudentId);
        var created = await Student<CreateInterventionRequest, CreateInterventionResponse>("CreateIntervention", new CreateInterventionRequest
        {
            RequestId = NewId(), Student = student, Level = PreventionLevel.Targeted, Area = DevelopmentArea.SafetyAndCalm,
            Description = "Lugn plats för eget arbete", Owner = "EHT", StartDate = Date(Today), FollowUpDate = Date(Today.AddDays(30)), Status = InterventionStatus.Planned,
        });
        var completed = await Student<UpdateInterventionRequest, UpdateInterventionResponse>("UpdateIntervention", new UpdateInterventionRequest
        {
            RequestId = NewId(), Student = student, InterventionId = created.Intervention.InterventionId, Status = InterventionStatus.Completed, Evaluation = InterventionEvaluation.Improved,
        });
        var opened = await Student<OpenAbsenceInvestigationRequest, OpenAbsenceInvestigationResponse>("OpenAbsenceInvestigation", new OpenAbsenceInvestigationRequest
        {
            RequestId = NewId(), Student = student, OpenedOn = Date(Today.AddDays(-3)), Participants = { InvestigationParticipant.Student },
        });
        var id = opened.Investigation.InvestigationId;
        await Student<ReportAbsenceInvestigationRequest, ReportAbsenceInvestigationResponse>("ReportAbsenceInvestigation", new ReportAbsenceInvestigationRequest
        {
            RequestId = NewId(), Student = student, InvestigationId = id, ReportedOn = Date(Today.AddDays(-2)),
        });
        var closed = await Student<CloseAbsenceInvestigationRequest, CloseAbsenceInvestigationResponse>("CloseAbsenceInvestigation", new CloseAbsenceInvestigationRequest
        {
            RequestId = NewId(), Student = student, InvestigationId = id, ClosedOn = Date(Today),
            Participants = { InvestigationParticipant.Student, InvestigationParticipant.Guardians, InvestigationParticipant.StudentHealthTeam },
        });
        await Student<RecordGuardianContactRequest, RecordGuardianContactResponse>("RecordGuardianContact", new RecordGuardianContactRequest
        {
            RequestId = NewId(), Student = student, Date = Date(Today), Channel = ContactChannel.Phone, Reason = ContactReason.Absence, Outcome = ContactOutcome.Reached,
        });
        await Student<RecordHandoverRequest, RecordHandoverResponse>("RecordHandover", new RecordHandoverRequest
        {
            RequestId = NewId(), Student = student, FromSchoolUnitCode = "99999999", ToSchoolUnitCode = ApiSilo.SchoolA, Date = Date(Today.AddDays(-60)),
            PassedOn = { HandoverItem.StudyResults, HandoverItem.AbsenceMeasures },
        });
        await Student<RecordSubjectAlertRequest, RecordSubjectAlertResponse>("RecordSubjectAlert", new RecordSubjectAlertRequest
        {
            RequestId = NewId(), Student = student, Subject = "SH", RaisedOn = Date(Today),
        });
        await Student<RecordConnectednessRequest, RecordConnectednessResponse>("RecordConnectedness", new RecordConnectednessRequest
        {
            RequestId = NewId(), Student = student, Date = Date(Today), Behavioural = 2, Academic = 2, Cognitive = 2, Affective = 1,
        });

        var profile = await ProfileAsync(enrolled.StudentId);

        Assert.Equal((InterventionStatus.Completed, InterventionEvaluation.Improved), (completed.Intervention.Status, completed.Intervention.Evaluation));
        Assert.Equal(3, closed.Investigation.Participants.Count);
        Assert.Equal(Date(Today.AddDays(-2)), closed.Investigation.ReportedToOrganiserOn);
        Assert.Single(profile.GuardianContacts);
        Assert.Equal([HandoverItem.StudyResults, HandoverItem.AbsenceMeasures], Assert.Single(profile.Handovers).PassedOn);
        Assert.Equal("SH", Assert.Single(profile.OpenAlerts).Subject);
        Assert.Equal(1, profile.LatestCheckIn.Affective);
        Assert.Equal(["subject_alert:SH", "connectedness"], profile.Risk.Reasons.Select(r => r.Indicator));
        Assert.Contains("samhällskunskap", profile.Risk.Reasons[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_school_lists_its_students_by_risk_and_year_page_by_page()
    {
        const string school = "33333330";
        await RegisterAsync(school, key: ApiSilo.AdminKey);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var enrolled = await EnrolAsync(NewCivicNo(), school, year: i < 3 ? 8 : 9, key: "local-development-key");
            ids.Add(enrolled.StudentId);
            if (i < 2)
            {
                await Call<RecordAttendanceRequest, RecordAttendanceResponse>("local-development-key", Students + "RecordAttendance", new RecordAttendanceRequest
                {
                    Records = { Lesson(ById(enrolled.StudentId), Today.AddDays(-1), "EN-1", attended: 0, valid: 60) },
                });
            }
        }

        var high = await List(new ListStudentsRequest { SchoolUnitCode = school, RiskLevels = { RiskLevel.High } });
        var year8 = await List(new ListStudentsRequest { SchoolUnitCode = school, YearLevels = { 8 }, PageSize = 2 });
        var year8Rest = await List(new ListStudentsRequest { SchoolUnitCode = school, YearLevels = { 8 }, PageSize = 2, PageToken = year8.NextPageToken });
        var otherFilter = await FailsAsync(StatusCode.InvalidArgument, () => List(new ListStudentsRequest { SchoolUnitCode = school, PageToken = year8.NextPageToken }));

        Assert.Equal(ids.Take(2).Order(), high.Students.Select(s => s.StudentId).Order());
        Assert.Equal((3, 2, 1, ""), (year8.TotalSize, year8.Students.Count, year8Rest.Students.Count, year8Rest.NextPageToken));
        Assert.Equal(ids.Take(3).Order(), year8.Students.Concat(year8Rest.Students).Select(s => s.StudentId).Order());
        Assert.Equal(["page_token"], otherFilter);

        Task<ListStudentsResponse> List(ListStudentsRequest request) => Call<ListStudentsRequest, ListStudentsResponse>("local-development-key", Students + "ListStudents", request);
    }

    [Fact]
    public async Task A_stream_of_attendance_is_stored_as_a_whole_and_a_bad_message_keeps_the_earlier_ones()
    {
        await RegisterAsync(ApiSilo.SchoolA);
        var a = ById((await EnrolAsync(NewCivicNo(), ApiSilo.SchoolA)).StudentId);
        var b = ById((await EnrolAsync(NewCivicNo(), ApiSilo.SchoolA)).StudentId);
        var days = Enumerable.Range(1, 10).Select(d => Today.AddDays(-d)).ToList();
        var messages = days.Select(d => new StreamAttendanceRequest { Records = { Lesson(a, d, "MA-1"), Lesson(b, d, "MA-1", attended: 30, valid: 30) } }).ToList();

        var summary = await silo.StreamAsync<StreamAttendanceRequest, StreamAttendanceResponse>(ApiSilo.SchoolAKey, Students + "StreamAttendance", messages);
        var bad = new StreamAttendanceRequest { Records = { Lesson(a, Today, "EN-1", attended: 60, valid: 30) } };
        var fields = await FailsAsync(StatusCode.InvalidArgument, () => silo.StreamAsync<StreamAttendanceRequest, StreamAttendanceResponse>(
            ApiSilo.SchoolAKey, Students + "StreamAttendance", [new StreamAttendanceRequest { Records = { Lesson(a, Today, "SV-1", attended: 0, invalid: 60) } }, bad]));

        Assert.Equal((20L, 2, 10), (summary.RecordsApplied, summary.Students, summary.Messages));
        Assert.Equal(0.5, (await ProfileAsync(b.StudentId)).Attendance.AbsenceRateTerm, 6);
        Assert.Equal(["records[0]"], fields);
        Assert.Equal(60 / 660.0, (await ProfileAsync(a.StudentId)).Attendance.AbsenceRateTerm, 6); // the first message of the failed stream was stored
    }

    private async Task RegisterAsync(string school, string key = ApiSilo.AdminKey) =>
        await Call<RegisterSchoolRequest, RegisterSchoolResponse>(key, Schools + "RegisterSchool", School(school));

    private Task<EnrollStudentResponse> EnrolAsync(string civicNo, string school, int year = 9, string key = ApiSilo.SchoolAKey) =>
        Call<EnrollStudentRequest, EnrollStudentResponse>(key, Students + "EnrollStudent", Enrol(civicNo, school, year));

    private async Task<StudentProfile> ProfileAsync(string studentId) =>
        (await Student<GetStudentRequest, GetStudentResponse>("GetStudent", new GetStudentRequest { Student = ById(studentId) })).Student;

    private Task<TResponse> Student<TRequest, TResponse>(string method, TRequest request)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new() =>
        Call<TRequest, TResponse>(ApiSilo.SchoolAKey, Students + method, request);

    private Task<TResponse> Call<TRequest, TResponse>(string key, string method, TRequest request)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new() =>
        silo.CallAsync<TRequest, TResponse>(key, method, request);
}

internal static class MessageExtensions
{
    /// <summary>Changes a message in place and returns it, for one-line variations of a request.</summary>
    public static T Also<T>(this T message, Action<T> change)
    {
        change(message);
        return message;
    }
}
