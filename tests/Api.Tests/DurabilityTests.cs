using PlugInnan.Api.V1;
using static PlugInnan.Api.Tests.Requests;

namespace PlugInnan.Api.Tests;

/// <summary>An answered write is stored: killing the silo at once (SIGKILL) after the answer loses nothing.</summary>
public sealed class DurabilityTests : IAsyncLifetime
{
    private readonly ApiSilo silo = new();

    public Task InitializeAsync() => silo.InitializeAsync();

    [Fact]
    public async Task What_was_answered_survives_a_kill_and_a_resend_after_it_is_still_a_resend()
    {
        await silo.CallAsync<RegisterSchoolRequest, RegisterSchoolResponse>(ApiSilo.AdminKey, Schools + "RegisterSchool", School(ApiSilo.SchoolA));
        var civicNo = NewCivicNo();
        var enrolled = await silo.CallAsync<EnrollStudentRequest, EnrollStudentResponse>(ApiSilo.SchoolAKey, Students + "EnrollStudent", Enrol(civicNo, ApiSilo.SchoolA));
        await silo.CallAsync<RecordAttendanceRequest, RecordAttendanceResponse>(ApiSilo.SchoolAKey, Students + "RecordAttendance", new RecordAttendanceRequest
        {
            Records = { Lesson(ById(enrolled.StudentId), Today.AddDays(-1), "MA-1", attended: 0, invalid: 60) },
        });
        var contact = new RecordGuardianContactRequest
        {
            RequestId = NewId(), Student = ById(enrolled.StudentId), Date = Date(Today.AddDays(-1)),
            Channel = ContactChannel.Phone, Reason = ContactReason.UnexcusedAbsence, Outcome = ContactOutcome.Reached,
        };
        var first = await silo.CallAsync<RecordGuardianContactRequest, RecordGuardianContactResponse>(ApiSilo.SchoolAKey, Students + "RecordGuardianContact", contact);

        await silo.KillAsync();
        await silo.StartAsync();
        var again = await silo.CallAsync<RecordGuardianContactRequest, RecordGuardianContactResponse>(ApiSilo.SchoolAKey, Students + "RecordGuardianContact", contact);
        var profile = (await silo.CallAsync<GetStudentRequest, GetStudentResponse>(
            ApiSilo.SchoolAKey, Students + "GetStudent", new GetStudentRequest { Student = ByCivicNo(civicNo) })).Student;

        Assert.Equal(first, again);
        Assert.Equal(enrolled.StudentId, profile.StudentId); // the same key after the restart: the civic number finds the student
        Assert.Equal(1.0, profile.Attendance.AbsenceRateTerm);
        Assert.Single(profile.GuardianContacts);
    }

    public Task DisposeAsync() => silo.DisposeAsync();
}
