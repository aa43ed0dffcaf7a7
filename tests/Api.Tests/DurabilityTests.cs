using PlugInnan.Api.V1;
using Grpc.Core;
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

    [Fact]
    public async Task A_kill_during_an_attendance_import_loses_no_acknowledged_record()
    {
        await silo.CallAsync<RegisterSchoolRequest, RegisterSchoolResponse>(ApiSilo.AdminKey, Schools + "RegisterSchool", School(ApiSilo.SchoolA));
        var students = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            students.Add((await silo.CallAsync<EnrollStudentRequest, EnrollStudentResponse>(ApiSilo.SchoolAKey, Students + "EnrollStudent", Enrol(NewCivicNo(), ApiSilo.SchoolA))).StudentId);
        }

        // Batches of 200 lessons (20 per student), each lesson one minute of invalid absence, so a
        // student's invalid minutes count the lessons stored for them.
        var days = Enumerable.Range(1, 40).Select(d => Today.AddDays(-d)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Take(10).ToList();
        var acknowledged = new int[students.Count];
        var sent = new int[students.Count];
        var importing = Task.Run(async () =>
        {
            for (var batch = 0; ; batch++)
            {
                var request = new RecordAttendanceRequest();
                for (var s = 0; s < students.Count; s++)
                {
                    for (var n = 0; n < 20; n++)
                    {
                        request.Records.Add(Lesson(ById(students[s]), days[batch % days.Count], $"lesson-{batch}-{n}", attended: 59, invalid: 1));
                    }
                }

                for (var s = 0; s < students.Count; s++)
                {
                    sent[s] += 20;
                }

                try
                {
                    await silo.CallAsync<RecordAttendanceRequest, RecordAttendanceResponse>(ApiSilo.SchoolAKey, Students + "RecordAttendance", request);
                }
                catch (RpcException)
                {
                    return batch; // the silo is gone: this batch was not acknowledged
                }

                for (var s = 0; s < students.Count; s++)
                {
                    acknowledged[s] += 20;
                }
            }
        });

        await Task.Delay(TimeSpan.FromSeconds(3));
        await silo.KillAsync();
        var batches = await importing;
        await silo.StartAsync();

        Assert.True(batches > 2, $"only {batches} batches were acknowledged before the kill");
        for (var s = 0; s < students.Count; s++)
        {
            var attendance = (await silo.CallAsync<GetStudentRequest, GetStudentResponse>(
                ApiSilo.SchoolAKey, Students + "GetStudent", new GetStudentRequest { Student = ById(students[s]) })).Student.Attendance;
            Assert.InRange(attendance.InvalidAbsenceMinutesTerm, acknowledged[s], sent[s]); // all acknowledged; the batch in flight may have landed
        }
    }

    public Task DisposeAsync() => silo.DisposeAsync();
}
