using Google.Protobuf;
using PlugInnan.Api.V1;
using Grpc.Core;
using static PlugInnan.Api.Tests.Requests;

namespace PlugInnan.Api.Tests;

/// <summary>Every request type refuses bad input with INVALID_ARGUMENT naming each offending field, and stores nothing.</summary>
[Collection(ApiSiloDefinition.Name)]
public sealed class ValidationTests(ApiSilo silo)
{
    [Fact]
    public async Task Bad_enrolments_name_every_field()
    {
        var fields = await FailsAsync(StatusCode.InvalidArgument, () => Call<EnrollStudentRequest, EnrollStudentResponse>("EnrollStudent", new EnrollStudentRequest
        {
            RequestId = "not a valid id!",
            CivicNo = "19640823-3235", // wrong check digit
            SchoolUnitCode = "1234",
            YearLevel = 11,
            StartDate = new Google.Type.Date { Year = 2026, Month = 2, Day = 30 },
        }));

        Assert.Equal(["request_id", "civic_no", "school_unit_code", "year_level", "start_date", "security_marking"], fields);
    }

    [Fact]
    public async Task A_temporary_number_is_accepted_and_flagged()
    {
        await RegisterAsync();
        var enrolled = await Call<EnrollStudentRequest, EnrollStudentResponse>("EnrollStudent", Enrol($"20120101TF{Random.Shared.Next(10, 99)}", ApiSilo.SchoolA));

        Assert.Equal((CivicNumberKind.Temporary, true), (enrolled.CivicNoKind, enrolled.TemporaryIdentity));
    }

    [Fact]
    public async Task A_batch_with_one_bad_record_stores_none_and_names_the_records()
    {
        var student = await EnrolledAsync();
        var day = Today.AddDays(-1);
        var batch = new RecordAttendanceRequest
        {
            Records =
            {
                Lesson(student, day, "MA-1", attended: 0, invalid: 60),
                Lesson(student, day, "SV-1", attended: 50, valid: 20), // 70 of 60 minutes
                Lesson(student, day, "", attended: 60),
                new LessonRecord { Student = new StudentRef(), Date = Date(day), LessonId = "EN-1", ScheduledMinutes = 2000 },
            },
        };

        var fields = await FailsAsync(StatusCode.InvalidArgument, () => Call<RecordAttendanceRequest, RecordAttendanceResponse>("RecordAttendance", batch));

        Assert.Equal(["records[1]", "records[2].lesson_id", "records[3].student", "records[3].scheduled_minutes"], fields);
        Assert.Equal(0, (await ProfileAsync(student)).Attendance.AbsenceRateTerm);
    }

    [Fact]
    public async Task Unknown_students_in_a_batch_are_not_found_and_nothing_is_stored()
    {
        var student = await EnrolledAsync();
        var batch = new RecordAttendanceRequest
        {
            Records = { Lesson(student, Today, "MA-1", attended: 0, invalid: 60), Lesson(ByCivicNo(NewCivicNo()), Today, "MA-1") },
        };

        var fields = await FailsAsync(StatusCode.NotFound, () => Call<RecordAttendanceRequest, RecordAttendanceResponse>("RecordAttendance", batch));

        Assert.Equal(["records[1].student"], fields);
        Assert.Equal(0, (await ProfileAsync(student)).Attendance.AbsenceRateTerm);
    }

    public static TheoryData<string, IMessage, string[]> BadWrites => new()
    {
        { "RecordGrades", new RecordGradesRequest { Grades = { new GradeRecord { Subject = "XX", Grade = "G", Year = 1999 } } }, ["grades[0].subject", "grades[0].grade", "grades[0].semester", "grades[0].year", "grades[0].registered_on"] },
        { "RecordGrades", new RecordGradesRequest(), ["grades"] },
        { "RecordSubjectAlert", new RecordSubjectAlertRequest { Subject = "M2 spa", RaisedOn = Date(Today), ResolvedOn = Date(Today.AddDays(-1)) }, ["subject", "resolved_on"] },
        { "RecordConnectedness", new RecordConnectednessRequest { Behavioural = 0, Academic = 6, Cognitive = 3, Affective = 3 }, ["date", "behavioural", "academic"] },
        { "CreateIntervention", new CreateInterventionRequest { SuccessFactors = { SuccessFactor.Unspecified }, StartDate = Date(Today), FollowUpDate = Date(Today.AddDays(-1)), Status = InterventionStatus.Completed }, ["level", "area", "success_factors[0]", "description", "owner", "follow_up_date", "status"] },
        { "UpdateIntervention", new UpdateInterventionRequest { Status = (InterventionStatus)9 }, ["intervention_id", "status"] },
        { "RecordGuardianContact", new RecordGuardianContactRequest(), ["date", "channel", "reason", "outcome"] },
        { "OpenAbsenceInvestigation", new OpenAbsenceInvestigationRequest { Participants = { InvestigationParticipant.Unspecified } }, ["opened_on", "participants[0]"] },
        { "ReportAbsenceInvestigation", new ReportAbsenceInvestigationRequest(), ["investigation_id", "reported_on"] },
        { "CloseAbsenceInvestigation", new CloseAbsenceInvestigationRequest { InvestigationId = "ai_x" }, ["closed_on"] },
        { "RecordHandover", new RecordHandoverRequest { FromSchoolUnitCode = "11111111", ToSchoolUnitCode = "11111111", Date = Date(Today) }, ["to_school_unit_code"] },
    };

    [Theory]
    [MemberData(nameof(BadWrites))]
    public async Task Bad_student_writes_name_every_field_and_change_nothing(string method, IMessage request, string[] expected)
    {
        var student = await EnrolledAsync();
        var descriptor = request.Descriptor;
        descriptor.FindFieldByName("request_id").Accessor.SetValue(request, NewId());
        descriptor.FindFieldByName("student").Accessor.SetValue(request, student);
        var before = await ProfileAsync(student);

        var response = StudentServiceReflection.Descriptor.Services[0].FindMethodByName(method).OutputType.ClrType;
        var error = await Assert.ThrowsAsync<RpcException>(() => silo.CallDynamicAsync(ApiSilo.SchoolAKey, Students + method, request, response));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(expected, FieldsOf(error));
        Assert.Equal(before.ToString(), (await ProfileAsync(student)).ToString());
    }

    [Fact]
    public async Task A_missing_request_id_and_student_are_named_too()
    {
        var fields = await FailsAsync(StatusCode.InvalidArgument, () => Call<RecordConnectednessRequest, RecordConnectednessResponse>("RecordConnectedness", new RecordConnectednessRequest
        {
            Date = Date(Today), Behavioural = 3, Academic = 3, Cognitive = 3, Affective = 3, Student = ById("not-an-id"),
        }));

        Assert.Equal(["request_id", "student.student_id"], fields);
    }

    [Fact]
    public async Task Unknown_records_of_a_known_student_are_not_found()
    {
        var student = await EnrolledAsync();

        var fields = await FailsAsync(StatusCode.NotFound, () => Call<UpdateInterventionRequest, UpdateInterventionResponse>("UpdateIntervention", new UpdateInterventionRequest
        {
            RequestId = NewId(), Student = student, InterventionId = "iv_missing", Status = InterventionStatus.Active,
        }));

        Assert.Equal(["intervention_id"], fields);
    }

    [Fact]
    public async Task Bad_school_and_subproject_requests_name_every_field()
    {
        var school = await FailsAsync(StatusCode.InvalidArgument, () => silo.CallAsync<RegisterSchoolRequest, RegisterSchoolResponse>(ApiSilo.AdminKey, Schools + "RegisterSchool", new RegisterSchoolRequest
        {
            RequestId = NewId(), School = new School { SchoolUnitCode = "123", MunicipalityCode = "14", Municipality = "Vara", Organiser = "Vara kommun" },
        }));
        var routines = await FailsAsync(StatusCode.InvalidArgument, () => silo.CallAsync<UpdateRoutinesRequest, UpdateRoutinesResponse>(ApiSilo.AdminKey, Schools + "UpdateRoutines", new UpdateRoutinesRequest
        {
            RequestId = NewId(), SchoolUnitCode = ApiSilo.SchoolA, Routines = new RoutineSettings { AbsenceWindowDays = 28, AbsenceWatchRate = 0.1, AbsenceHighRate = 0.05, ConsecutiveAbsenceDaysWatch = 3, ConnectednessWatch = 2.5, TransitionWeeks = 6, InvestigationReportDays = 7 },
        }));
        var plan = await FailsAsync(StatusCode.InvalidArgument, () => silo.CallAsync<UpdatePlanRequest, UpdatePlanResponse>(ApiSilo.AdminKey, Subprojects + "UpdatePlan", new UpdatePlanRequest
        {
            RequestId = NewId(), SubprojectId = ApiSilo.LeadersSubproject, Goals = { new Goal { GoalId = "g", Description = "", Measure = ProgressMeasure.Unspecified, Target = -1 } },
        }));
        var subproject = await FailsAsync(StatusCode.InvalidArgument, () => silo.CallAsync<CreateSubprojectRequest, CreateSubprojectResponse>(ApiSilo.AdminKey, Subprojects + "CreateSubproject", new CreateSubprojectRequest
        {
            RequestId = NewId(), SubprojectId = "Not A Slug", Municipality = "Vara", DevelopmentAreas = { (DevelopmentArea)7 },
        }));

        var restate = await FailsAsync(StatusCode.InvalidArgument, () => silo.CallAsync<RestateDigestsRequest, RestateDigestsResponse>(ApiSilo.AdminKey, Subprojects + "RestateDigests", new RestateDigestsRequest
        {
            RequestId = "", SubprojectId = ApiSilo.LeadersSubproject, Since = new Google.Type.Date { Year = 2026, Month = 2, Day = 30 },
        }));

        Assert.Equal(["request_id", "since"], restate);
        Assert.Equal(["school.school_unit_code", "school.name", "school.municipality_code"], school);
        Assert.Equal(["routines.absence_high_rate"], routines);
        Assert.Equal(["goals[0].description", "goals[0].target", "goals[0].measure"], plan);
        Assert.Equal(["subproject_id", "name", "development_areas[0]"], subproject);
    }

    private static List<string> FieldsOf(RpcException error) =>
        error.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];

    private async Task RegisterAsync() =>
        await silo.CallAsync<RegisterSchoolRequest, RegisterSchoolResponse>(ApiSilo.AdminKey, Schools + "RegisterSchool", School(ApiSilo.SchoolA));

    private async Task<StudentRef> EnrolledAsync()
    {
        await RegisterAsync();
        return ById((await Call<EnrollStudentRequest, EnrollStudentResponse>("EnrollStudent", Enrol(NewCivicNo(), ApiSilo.SchoolA))).StudentId);
    }

    private async Task<StudentProfile> ProfileAsync(StudentRef student) =>
        (await Call<GetStudentRequest, GetStudentResponse>("GetStudent", new GetStudentRequest { Student = student })).Student;

    private Task<TResponse> Call<TRequest, TResponse>(string method, TRequest request)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        silo.CallAsync<TRequest, TResponse>(ApiSilo.SchoolAKey, Students + method, request);
}
