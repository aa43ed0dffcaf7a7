using PlugInnan.Api.V1;
using static PlugInnan.Api.Tests.Requests;

namespace PlugInnan.Api.Tests;

/// <summary>
/// The real silo killed (SIGKILL) right after the attendance came in (before its rosters' summaries
/// were written behind), and again while its roster-refresh and absence-investigation jobs run every
/// second, then restarted: in the end every student has the one task due, whatever the kills interrupted.
/// </summary>
public sealed class SchedulerKillTests : IAsyncLifetime
{
    private const string Never = "0 0 1 1 *";
    private static readonly string[] Schools = ["71000001", "71000002", "71000003", "71000004", "71000005"];

    private readonly ApiSilo silo = new(new Dictionary<string, string>
    {
        ["Silo__Scheduling__RosterRefreshCron"] = Never,
        ["Silo__Scheduling__AbsenceInvestigationCron"] = Never,
        ["Silo__Scheduling__InterventionFollowUpCron"] = Never,
        ["Silo__Scheduling__TransitionCheckCron"] = Never,
        ["Silo__Scheduling__GuardianNoticeCron"] = Never,
        ["Silo__Scheduling__RolloverCron"] = Never,
        ["Silo__Scheduling__WeeklyDigestCron"] = Never,
    });

    public Task InitializeAsync() => silo.InitializeAsync();

    [Fact]
    public async Task A_silo_killed_while_its_job_runs_ends_with_each_task_raised_once()
    {
        var students = new List<(string School, string Id)>();
        foreach (var school in Schools)
        {
            await silo.CallAsync<RegisterSchoolRequest, RegisterSchoolResponse>(ApiSilo.AdminKey, Requests.Schools + "RegisterSchool", School(school));
            for (var i = 0; i < 20; i++)
            {
                var id = (await silo.CallAsync<EnrollStudentRequest, EnrollStudentResponse>(DevKey, Students + "EnrollStudent", Enrol(NewCivicNo(), school))).StudentId;
                await silo.CallAsync<RecordAttendanceRequest, RecordAttendanceResponse>(DevKey, Students + "RecordAttendance", new RecordAttendanceRequest
                {
                    Records = { Lesson(ById(id), Today.AddDays(-1), "MA-1", attended: 0, invalid: 60), Lesson(ById(id), Today.AddDays(-1), "SV-1", attended: 0, valid: 60) },
                });
                students.Add((school, id));
            }
        }

        await silo.KillAsync();
        var settings = new Dictionary<string, string>
        {
            ["Silo__Scheduling__RosterRefreshCron"] = "* * * * * *",
            ["Silo__Scheduling__AbsenceInvestigationCron"] = "* * * * * *",
        };
        await silo.StartAsync(settings); // the jobs now run every second
        await Task.Delay(TimeSpan.FromMilliseconds(1300));
        await silo.KillAsync(); // most likely in the middle of a run, or between two
        await silo.StartAsync(settings);

        // The killed process's locks lapse (SQLite: within 30 s), then the jobs run whole every second.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        foreach (var school in Schools)
        {
            var expected = students.Where(s => s.School == school).Select(s => s.Id).Order().ToList();
            List<string> raised;
            while (true)
            {
                var tasks = await silo.CallAsync<ListFollowUpsRequest, ListFollowUpsResponse>(DevKey, FollowUps + "ListFollowUps", new ListFollowUpsRequest { SchoolUnitCode = school, PageSize = 1000 });
                raised = [.. tasks.FollowUps.Where(t => t.Kind == FollowUpKind.AbsenceInvestigation).Select(t => t.StudentId).Order()];
                if (raised.Count >= expected.Count || DateTime.UtcNow > deadline)
                {
                    break;
                }

                await Task.Delay(500);
            }

            Assert.Equal(expected, raised); // each student's task once, none twice
        }
    }

    public Task DisposeAsync() => silo.DisposeAsync();

    private const string DevKey = "local-development-key";
}
