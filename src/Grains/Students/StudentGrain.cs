using System.Text.Json;
using PlugInnan.Grains.Rules;

namespace PlugInnan.Grains.Students;

/// <summary>
/// Holds one student's facts and derives everything else (absence figures, eligibility, merit value,
/// risk) with the rules: one source of truth, nothing derived stored. After each stored change it
/// tells its school what changed in its summary; the school never calls back, so no call cycles.
/// </summary>
[GrainType("student")]
public sealed class StudentGrain(
    [PersistentState("student")] IPersistentState<StudentState> state,
    SchoolClock time) : Grain, IStudentGrain
{
    // What the school was last told, kept in memory only: after a restart the first change reports in full.
    private string? reportedSchool;
    private string? reportedSummary;

    private StudentState Facts => state.State;

    private string Id => this.GetPrimaryKeyString();

    public Task Enroll(Enrolment enrolment)
    {
        StudentRecordRules.Check(enrolment);
        var previous = Facts.Enrolment;
        if (previous is not null && previous.SchoolUnitCode != enrolment.SchoolUnitCode && !Facts.PendingRosterRemovals.Contains(previous.SchoolUnitCode))
        {
            Facts.PendingRosterRemovals.Add(previous.SchoolUnitCode);
        }

        Facts.PendingRosterRemovals.Remove(enrolment.SchoolUnitCode);
        var arrived = previous is null || previous.YearLevel == 6 || previous.SchoolUnitCode != enrolment.SchoolUnitCode;
        if (enrolment.YearLevel == 7 && arrived)
        {
            Facts.MovedToYear7On = enrolment.StartDate;
        }

        Facts.Enrolment = enrolment;
        return StoreAndReportAsync();
    }

    public Task RecordAttendance(IReadOnlyList<LessonAttendance> lessons)
    {
        StudentRecordRules.Check(lessons);
        var rows = Facts.Lessons;
        var index = new Dictionary<(int, ulong), int>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            index[(rows[i].Day, rows[i].Key)] = i;
        }

        foreach (var row in lessons.Select(LessonRow.From))
        {
            if (index.TryGetValue((row.Day, row.Key), out var at))
            {
                rows[at] = row; // a resend or a correction replaces the earlier record
            }
            else
            {
                index[(row.Day, row.Key)] = rows.Count;
                rows.Add(row);
            }
        }

        return StoreAndReportAsync();
    }

    public Task RecordGrades(IReadOnlyList<GradeEntry> grades)
    {
        StudentRecordRules.Check(grades, SwedishGradingScale.Instance);
        foreach (var grade in grades)
        {
            Replace(Facts.Grades, g => g.Subject == grade.Subject && g.Term == grade.Term, grade);
        }

        return StoreAndReportAsync();
    }

    public Task RecordSubjectAlert(SubjectAlert alert) =>
        StoreAsync(alert, StudentRecordRules.Check, Facts.Alerts, a => a.Subject == alert.Subject);

    public Task RecordConnectedness(ConnectednessCheckIn checkIn) =>
        StoreAsync(checkIn, StudentRecordRules.Check, Facts.CheckIns, c => c.Date == checkIn.Date);

    public Task RecordIntervention(Intervention intervention)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        return StoreAsync(WithClosingDay(intervention), StudentRecordRules.Check, Facts.Interventions, i => i.Id == intervention.Id);
    }

    public Task RecordGuardianContact(GuardianContact contact) =>
        StoreAsync(contact, StudentRecordRules.Check, Facts.GuardianContacts, c => c.Id == contact.Id);

    public async Task<Intervention> UpdateIntervention(InterventionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var current = Facts.Interventions.Find(i => i.Id == change.Id)
            ?? throw new RecordNotFoundException("intervention_id", $"The student has no intervention {change.Id}.");
        var status = change.Status ?? current.Status;
        var changed = current with
        {
            Status = status,
            // Reopening or cancelling drops an earlier evaluation: only a completed intervention has one.
            Evaluation = change.Evaluation ?? (status == InterventionStatus.Completed ? current.Evaluation : null),
            FollowUpDate = change.FollowUpDate ?? current.FollowUpDate,
            Owner = change.Owner ?? current.Owner,
            Description = change.Description ?? current.Description,
        };
        await RecordIntervention(changed);
        return changed;
    }

    // The grain, not the sender, keeps the day an intervention was first seen closed (a resend keeps it;
    // reopening clears it), so restated figures know until when it was open.
    private Intervention WithClosingDay(Intervention intervention)
    {
        if (intervention.IsOpen)
        {
            return intervention with { ClosedOn = null };
        }

        var stored = Facts.Interventions.Find(i => i.Id == intervention.Id);
        return intervention with { ClosedOn = stored is { IsOpen: false, ClosedOn: { } closed } ? closed : SwedishTime.Today(time) };
    }

    public Task RecordAbsenceInvestigation(AbsenceInvestigation investigation) =>
        StoreAsync(investigation, StudentRecordRules.Check, Facts.AbsenceInvestigations, i => i.Id == investigation.Id);

    public async Task<AbsenceInvestigation> ReportAbsenceInvestigation(string investigationId, DateOnly reportedOn)
    {
        var changed = Investigation(investigationId) with { ReportedToOrganiserOn = reportedOn };
        await RecordAbsenceInvestigation(changed);
        return changed;
    }

    public async Task<AbsenceInvestigation> CloseAbsenceInvestigation(string investigationId, DateOnly closedOn, InvestigationParticipants participants)
    {
        var changed = Investigation(investigationId) with { ClosedOn = closedOn, Participants = participants };
        await RecordAbsenceInvestigation(changed);
        return changed;
    }

    public Task RecordHandover(Handover handover) =>
        StoreAsync(handover, StudentRecordRules.Check, Facts.Handovers, h => h.Id == handover.Id);

    public async Task<LeaverRecord?> AdvanceSchoolYear(int autumnYear)
    {
        if (Facts.AdvancedForYear >= autumnYear || Facts.Enrolment is not { } enrolment)
        {
            return Facts.AdvancedForYear == autumnYear ? Facts.Left : null; // once a year: a repeat gives the first answer
        }

        var today = SwedishTime.Today(time);
        Facts.AdvancedForYear = autumnYear;
        if (!StudentEvaluation.IsEnrolledOn(enrolment, today))
        {
            await StoreAndReportAsync();
            return null;
        }

        if (enrolment.YearLevel >= 9)
        {
            var profile = await GetProfile();
            Facts.Left = new LeaverRecord(
                Id,
                enrolment.SchoolUnitCode,
                today.AddDays(-1),
                profile.Eligibility.Vocational,
                [.. profile.Eligibility.ProgrammeGroups.Where(g => g.Value).Select(g => g.Key).Order()],
                profile.MeritValue);
            Facts.Enrolment = enrolment with { EndDate = today.AddDays(-1) }; // off the roster from today
            await StoreAndReportAsync();
            return Facts.Left;
        }

        var arrived = enrolment.YearLevel == 6;
        Facts.Enrolment = enrolment with { YearLevel = enrolment.YearLevel + 1 };
        if (arrived)
        {
            var calendar = (await School(enrolment.SchoolUnitCode).GetSettings()).Calendar;
            Facts.MovedToYear7On = SchoolCalendarRules.CurrentTerm(calendar, today.AddDays(60)).Start; // the autumn term after the summer
        }

        await StoreAndReportAsync();
        return null;
    }

    public async Task Forget()
    {
        if (Facts.Enrolment is { } enrolment)
        {
            await School(enrolment.SchoolUnitCode).RemoveStudent(Id);
        }

        await state.ClearStateAsync();
        reportedSchool = reportedSummary = null;
        DeactivateOnIdle();
    }

    public Task Refresh() => ReportAsync(force: true);

    public Task<Enrolment?> GetEnrolment() => Task.FromResult(Facts.Enrolment);

    public async Task<StudentProfile> GetProfile()
    {
        var (_, profile, _) = await EvaluateAsync();
        return profile;
    }

    private AbsenceInvestigation Investigation(string id) =>
        Facts.AbsenceInvestigations.Find(i => i.Id == id)
        ?? throw new RecordNotFoundException("investigation_id", $"The student has no absence investigation {id}.");

    /// <summary>Checks a record, puts it in place of the one with the same identity (or adds it), stores and reports.</summary>
    private Task StoreAsync<T>(T record, Action<T> check, List<T> records, Predicate<T> sameIdentity)
    {
        check(record);
        Replace(records, sameIdentity, record);
        return StoreAndReportAsync();
    }

    /// <summary>Keeps the order of a list of records while replacing the one with the same identity.</summary>
    private static void Replace<T>(List<T> records, Predicate<T> sameIdentity, T record)
    {
        var at = records.FindIndex(sameIdentity);
        if (at >= 0)
        {
            records[at] = record;
        }
        else
        {
            records.Add(record);
        }
    }

    private async Task StoreAndReportAsync()
    {
        await state.WriteOrRestoreAsync(DeactivateOnIdle); // the facts are stored before anyone is told
        await ReportAsync(force: false);
    }

    public Task<IReadOnlyList<StudentSummary?>> GetSummariesAsOf(string schoolUnitCode, SchoolSettings settings, IReadOnlyList<DateOnly> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        return Task.FromResult<IReadOnlyList<StudentSummary?>>([.. days.Select(SummaryOn)]);

        StudentSummary? SummaryOn(DateOnly day)
        {
            var facts = FactsAsOf.Day(Facts, day);
            return facts.Enrolment is { } enrolment && enrolment.SchoolUnitCode == schoolUnitCode
                ? StudentEvaluation.Summary(StudentEvaluation.Profile(Id, facts, settings, day), facts, settings)
                : null;
        }
    }

    private async Task<(string? School, StudentProfile Profile, SchoolSettings Settings)> EvaluateAsync()
    {
        var today = SwedishTime.Today(time);
        var enrolment = Facts.Enrolment;
        var school = enrolment is not null && StudentEvaluation.IsEnrolledOn(enrolment, today) ? enrolment.SchoolUnitCode : null;
        var settings = school is null ? SchoolSettings.Default : await School(school).GetSettings();
        return (school, StudentEvaluation.Profile(Id, Facts, settings, today), settings);
    }

    private async Task ReportAsync(bool force)
    {
        foreach (var left in Facts.PendingRosterRemovals.ToList())
        {
            await School(left).RemoveStudent(Id);
            Facts.PendingRosterRemovals.Remove(left); // written away with the next change; a repeat removal is harmless
        }

        var (school, profile, settings) = await EvaluateAsync();
        if (school is null)
        {
            if (Facts.Enrolment is { } ended && (force || reportedSchool is not null))
            {
                await School(ended.SchoolUnitCode).RemoveStudent(Id);
            }

            reportedSchool = reportedSummary = null;
            return;
        }

        var summary = StudentEvaluation.Summary(profile, Facts, settings)!;
        var comparable = JsonSerializer.Serialize(summary with { AsOf = default }, StudentSummaryJson.Default.StudentSummary);
        if (force || school != reportedSchool || comparable != reportedSummary)
        {
            await School(school).UpdateStudent(summary);
            (reportedSchool, reportedSummary) = (school, comparable);
        }
    }

    private ISchoolGrain School(string schoolUnitCode) => GrainFactory.GetGrain<ISchoolGrain>(schoolUnitCode);
}
