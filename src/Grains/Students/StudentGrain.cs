using PlugInnan.Grains.Rules;

namespace PlugInnan.Grains.Students;

/// <summary>
/// Holds one student's facts and derives everything else (absence figures, eligibility, merit value,
/// risk) with the rules on every read: one source of truth, nothing derived stored twice.
/// </summary>
[GrainType("student")]
public sealed class StudentGrain([PersistentState("student")] IPersistentState<StudentState> state) : Grain, IStudentGrain
{
    public Task Enroll(Enrolment enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentOutOfRangeException.ThrowIfLessThan(enrolment.YearLevel, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(enrolment.YearLevel, 10);
        var previous = state.State.Enrolment;
        if (enrolment.YearLevel == 7 && (previous is null || previous.YearLevel == 6 || previous.SchoolUnitCode != enrolment.SchoolUnitCode))
        {
            state.State.MovedToYear7On = enrolment.StartDate;
        }

        state.State.Enrolment = enrolment;
        return state.WriteStateAsync();
    }

    public Task RecordAttendance(IReadOnlyList<LessonAttendance> lessons)
    {
        ArgumentNullException.ThrowIfNull(lessons);
        var inconsistent = lessons.FirstOrDefault(l => !l.IsConsistent);
        if (inconsistent is not null)
        {
            throw new ArgumentException($"Lesson {inconsistent.LessonId} on {inconsistent.Date}: the minutes do not add up.", nameof(lessons));
        }

        var rows = state.State.Lessons;
        var index = new Dictionary<(int, string), int>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            index[(rows[i].Day, rows[i].LessonId)] = i;
        }

        foreach (var row in lessons.Select(LessonRow.From))
        {
            if (index.TryGetValue((row.Day, row.LessonId), out var at))
            {
                rows[at] = row; // a resend or a correction replaces the earlier record
            }
            else
            {
                index[(row.Day, row.LessonId)] = rows.Count;
                rows.Add(row);
            }
        }

        return state.WriteStateAsync();
    }

    public Task RecordGrades(IReadOnlyList<GradeEntry> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        var invalid = grades.FirstOrDefault(g => !SwedishGradingScale.Instance.IsValid(g.Grade));
        if (invalid is not null)
        {
            throw new ArgumentException($"'{invalid.Grade}' in {invalid.Subject} is not a grade.", nameof(grades));
        }

        foreach (var grade in grades)
        {
            state.State.Grades.RemoveAll(g => g.Subject == grade.Subject && g.GivenOn == grade.GivenOn);
            state.State.Grades.Add(grade);
        }

        return state.WriteStateAsync();
    }

    public Task RecordSubjectAlert(SubjectAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        state.State.Alerts.RemoveAll(a => a.Subject == alert.Subject);
        state.State.Alerts.Add(alert);
        return state.WriteStateAsync();
    }

    public Task RecordConnectedness(ConnectednessCheckIn checkIn)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        state.State.CheckIns.RemoveAll(c => c.Date == checkIn.Date);
        state.State.CheckIns.Add(checkIn);
        return state.WriteStateAsync();
    }

    public Task<StudentProfile> GetProfile(DateOnly today, DateOnly termStart)
    {
        var facts = state.State;
        var settings = new RoutineSettings(); // the school grain will hand over its own settings
        var scale = SwedishGradingScale.Instance;
        var absence = AbsenceRules.Summarize(facts.Lessons.Select(l => l.ToAttendance()), today, termStart, settings.AbsenceWindowDays);
        var current = CurrentGrades.Of(facts.Grades, today).Select(g => new FinalGrade(g.Subject, g.Grade)).ToList();
        var latestCheckIn = facts.CheckIns.Where(c => c.Date <= today).OrderBy(c => c.Date).LastOrDefault();
        var risk = RiskRules.Assess(
            new RiskInputs(absence, facts.Grades, facts.Alerts, latestCheckIn, facts.OpenInvestigationSince, facts.MovedToYear7On),
            settings,
            scale,
            today);
        return Task.FromResult(new StudentProfile(
            this.GetPrimaryKeyString(),
            facts.Enrolment,
            absence,
            EligibilityRules.Evaluate(current, scale),
            MeritValue.Calculate(current, scale),
            risk,
            facts.Alerts,
            latestCheckIn));
    }
}
