namespace PlugInnan.Grains.Students;

/// <summary>
/// A student's facts as they were known at the end of a past day: records dated later are left out and
/// what was closed or reported later is open again. Pure, so a restated figure is the rules applied to
/// these facts, the same rules as today's.
/// </summary>
public static class FactsAsOf
{
    public static StudentState Day(StudentState facts, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var dayNumber = day.DayNumber;
        return new StudentState
        {
            Enrolment = facts.Enrolment is { } enrolment && enrolment.StartDate <= day ? enrolment : null,
            Lessons = [.. facts.Lessons.Where(l => l.Day <= dayNumber)],
            Grades = [.. facts.Grades.Where(g => g.RegisteredOn <= day)],
            Alerts = [.. facts.Alerts.Where(a => a.RaisedOn <= day).Select(a => a.ResolvedOn > day ? a with { ResolvedOn = null } : a)],
            CheckIns = [.. facts.CheckIns.Where(c => c.Date <= day)],
            Interventions = [.. facts.Interventions.Where(i => i.StartDate <= day).Select(i => Intervention(i, day))],
            GuardianContacts = [.. facts.GuardianContacts.Where(c => c.Date <= day)],
            AbsenceInvestigations = [.. facts.AbsenceInvestigations.Where(i => i.OpenedOn <= day).Select(i => i with
            {
                ReportedToOrganiserOn = i.ReportedToOrganiserOn > day ? null : i.ReportedToOrganiserOn,
                ClosedOn = i.ClosedOn > day ? null : i.ClosedOn,
            })],
            Handovers = [.. facts.Handovers.Where(h => h.Date <= day)],
            MovedToYear7On = facts.MovedToYear7On <= day ? facts.MovedToYear7On : null,
        };
    }

    // Closed after the day: it was still running then. Closed on a day not recorded (before ClosedOn
    // was kept): counted as closed, the only reading that never invents open work.
    private static Intervention Intervention(Intervention intervention, DateOnly day) =>
        !intervention.IsOpen && intervention.ClosedOn > day
            ? intervention with { Status = InterventionStatus.Active, Evaluation = null, ClosedOn = null }
            : intervention;
}
