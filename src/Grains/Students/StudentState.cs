using System.Text.Json.Serialization;

namespace PlugInnan.Grains.Students;

/// <summary>
/// What a student grain stores. Lesson rows use one-letter JSON names and a day number, because a
/// school year holds about a thousand of them and the whole state is written on every change.
/// </summary>
public sealed class StudentState
{
    public Enrolment? Enrolment { get; set; }

    public List<LessonRow> Lessons { get; set; } = [];

    public List<GradeEntry> Grades { get; set; } = [];

    public List<SubjectAlert> Alerts { get; set; } = [];

    public List<ConnectednessCheckIn> CheckIns { get; set; } = [];

    public DateOnly? OpenInvestigationSince { get; set; }

    public DateOnly? MovedToYear7On { get; set; }
}

/// <summary>One lesson's attendance: day number since 0001-01-01, lesson id and minutes.</summary>
public sealed record LessonRow(
    [property: JsonPropertyName("d")] int Day,
    [property: JsonPropertyName("l")] string LessonId,
    [property: JsonPropertyName("s")] int Scheduled,
    [property: JsonPropertyName("a")] int Attended,
    [property: JsonPropertyName("v")] int Valid,
    [property: JsonPropertyName("i")] int Invalid)
{
    public static LessonRow From(LessonAttendance lesson) => new(
        lesson.Date.DayNumber, lesson.LessonId, lesson.ScheduledMinutes, lesson.AttendedMinutes, lesson.ValidAbsenceMinutes, lesson.InvalidAbsenceMinutes);

    public LessonAttendance ToAttendance() => new(DateOnly.FromDayNumber(Day), LessonId, Scheduled, Attended, Valid, Invalid);
}
