using PlugInnan.Api.V1;
using Grpc.Core;
using static PlugInnan.Api.Tests.Requests;

namespace PlugInnan.Api.Tests;

/// <summary>
/// FollowUpService through the real silo, whose intervention follow-up job here runs every two seconds: a task raised
/// by the scheduler reaches a watching client, is listed, completed once, and is not raised again.
/// </summary>
public sealed class FollowUpApiTests : IAsyncLifetime
{
    private readonly ApiSilo silo = new(new Dictionary<string, string>
    {
        ["Silo__Scheduling__InterventionFollowUpCron"] = "*/2 * * * * *",
        ["Silo__Scheduling__WeeklyDigestCron"] = "1/2 * * * * *",
    });

    public Task InitializeAsync() => silo.InitializeAsync();

    [Fact]
    public async Task A_task_the_scheduler_raises_is_watched_listed_completed_and_stays_done()
    {
        await silo.CallAsync<RegisterSchoolRequest, RegisterSchoolResponse>(ApiSilo.AdminKey, Schools + "RegisterSchool", School(ApiSilo.SchoolA));
        using var watch = await silo.WatchAsync<WatchFollowUpsRequest, WatchFollowUpsResponse>(
            ApiSilo.SchoolAKey, FollowUps + "WatchFollowUps", new WatchFollowUpsRequest { SchoolUnitCode = ApiSilo.SchoolA });
        await watch.ResponseHeadersAsync(); // watching from here on
        var student = (await silo.CallAsync<EnrollStudentRequest, EnrollStudentResponse>(ApiSilo.SchoolAKey, Students + "EnrollStudent", Enrol(NewCivicNo(), ApiSilo.SchoolA))).StudentId;
        var intervention = (await silo.CallAsync<CreateInterventionRequest, CreateInterventionResponse>(ApiSilo.SchoolAKey, Students + "CreateIntervention", new CreateInterventionRequest
        {
            RequestId = NewId(), Student = ById(student), Level = PreventionLevel.Indicated, Area = DevelopmentArea.Relationships,
            Description = "Veckosamtal", Owner = "Mentor 9A", StartDate = Date(Today.AddDays(-14)), FollowUpDate = Date(Today),
        })).Intervention;

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var raised = (await watch.ReadAsync().WaitAsync(timeout.Token))!.FollowUp;
        var listed = await silo.CallAsync<ListFollowUpsRequest, ListFollowUpsResponse>(ApiSilo.SchoolAKey, FollowUps + "ListFollowUps", new ListFollowUpsRequest
        {
            SchoolUnitCode = ApiSilo.SchoolA, Status = FollowUpStatus.Open, Role = ResponsibleRole.InterventionOwner,
        });
        var complete = new CompleteFollowUpRequest { RequestId = NewId(), SchoolUnitCode = ApiSilo.SchoolA, FollowUpId = raised.FollowUpId, ClosedBy = "Mentor 9A" };
        var done = await silo.CallAsync<CompleteFollowUpRequest, CompleteFollowUpResponse>(ApiSilo.SchoolAKey, FollowUps + "CompleteFollowUp", complete);
        var resent = await silo.CallAsync<CompleteFollowUpRequest, CompleteFollowUpResponse>(ApiSilo.SchoolAKey, FollowUps + "CompleteFollowUp", complete);
        var closedSeen = (await watch.ReadAsync().WaitAsync(timeout.Token))!.FollowUp;
        await Task.Delay(TimeSpan.FromSeconds(4)); // two more daily runs
        var after = await silo.CallAsync<ListFollowUpsRequest, ListFollowUpsResponse>(ApiSilo.SchoolAKey, FollowUps + "ListFollowUps", new ListFollowUpsRequest { SchoolUnitCode = ApiSilo.SchoolA });

        Assert.Equal((FollowUpKind.InterventionFollowUp, student, ResponsibleRole.InterventionOwner), (raised.Kind, raised.StudentId, raised.Role));
        Assert.Equal(("intervention_follow_up_date", Date(Today), "Mentor 9A"), (raised.TriggerRule, raised.Due, raised.AssignedTo));
        Assert.Contains(intervention.InterventionId, raised.FollowUpId, StringComparison.Ordinal);
        Assert.Equal(raised.FollowUpId, Assert.Single(listed.FollowUps).FollowUpId);
        Assert.Equal((FollowUpStatus.Done, "Mentor 9A"), (done.FollowUp.Status, done.FollowUp.ClosedBy));
        Assert.Equal(done, resent);
        Assert.Equal(FollowUpStatus.Done, closedSeen.Status);
        Assert.Equal(FollowUpStatus.Done, Assert.Single(after.FollowUps).Status);
    }

    [Fact]
    public async Task Only_the_school_system_of_the_school_reaches_its_tasks_and_unknown_tasks_are_not_found()
    {
        await silo.CallAsync<RegisterSchoolRequest, RegisterSchoolResponse>(ApiSilo.AdminKey, Schools + "RegisterSchool", School(ApiSilo.SchoolA));

        var otherSchool = await FailsAsync(StatusCode.PermissionDenied, () => silo.CallAsync<ListFollowUpsRequest, ListFollowUpsResponse>(
            ApiSilo.SchoolBKey, FollowUps + "ListFollowUps", new ListFollowUpsRequest { SchoolUnitCode = ApiSilo.SchoolA }));
        var leader = await FailsAsync(StatusCode.PermissionDenied, () => silo.CallAsync<ListFollowUpsRequest, ListFollowUpsResponse>(
            ApiSilo.LeaderKey, FollowUps + "ListFollowUps", new ListFollowUpsRequest { SchoolUnitCode = ApiSilo.SchoolA }));
        var unknown = await FailsAsync(StatusCode.NotFound, () => silo.CallAsync<DismissFollowUpRequest, DismissFollowUpResponse>(
            ApiSilo.SchoolAKey, FollowUps + "DismissFollowUp", new DismissFollowUpRequest { RequestId = NewId(), SchoolUnitCode = ApiSilo.SchoolA, FollowUpId = "nope", ClosedBy = "Rektor", Reason = "Fel" }));
        var bad = await FailsAsync(StatusCode.InvalidArgument, () => silo.CallAsync<DismissFollowUpRequest, DismissFollowUpResponse>(
            ApiSilo.SchoolAKey, FollowUps + "DismissFollowUp", new DismissFollowUpRequest { SchoolUnitCode = "1", FollowUpId = "x" }));

        Assert.Empty(otherSchool.Concat(leader));
        Assert.Equal(["follow_up_id"], unknown);
        Assert.Equal(["request_id", "school_unit_code", "closed_by", "reason"], bad);
    }

    [Fact]
    public async Task A_process_leader_reads_the_weekly_digests_of_its_subproject()
    {
        ListDigestsResponse digests = new();
        for (var attempt = 0; attempt < 50 && digests.Digests.Count == 0; attempt++)
        {
            await Task.Delay(200);
            digests = await silo.CallAsync<ListDigestsRequest, ListDigestsResponse>(
                ApiSilo.LeaderKey, Subprojects + "ListDigests", new ListDigestsRequest { SubprojectId = ApiSilo.LeadersSubproject });
        }

        var other = await FailsAsync(StatusCode.PermissionDenied, () => silo.CallAsync<ListDigestsRequest, ListDigestsResponse>(
            ApiSilo.LeaderKey, Subprojects + "ListDigests", new ListDigestsRequest { SubprojectId = "bollebygd" }));

        var digest = Assert.Single(digests.Digests); // one a week, however often the job runs
        Assert.Matches("^[0-9]{4}-W[0-9]{2}$", digest.Week);
        Assert.Equal(ApiSilo.LeadersSubproject, digest.Progress.SubprojectId);
        Assert.True(digest.Progress.StudentsPerRiskLevel.Total.Suppressed); // no students yet: nothing to show
        Assert.Empty(other);
    }

    public Task DisposeAsync() => silo.DisposeAsync();
}
