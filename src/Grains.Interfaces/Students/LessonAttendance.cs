namespace PlugInnan.Grains;

/// <summary>
/// Attendance in one lesson, in minutes, as SS 12000 reports it. (Date, lesson id) identifies the record:
/// a resend replaces it, so corrections (an absence turned valid) never double count.
/// </summary>
public sealed record LessonAttendance(
    DateOnly Date,
    string LessonId,
    int ScheduledMinutes,
    int AttendedMinutes,
    int ValidAbsenceMinutes,
    int InvalidAbsenceMinutes)
{
    public int AbsentMinutes => ValidAbsenceMinutes + InvalidAbsenceMinutes;

    /// <summary>The minutes add up: none negative, and attended plus absent never more than scheduled.</summary>
    public bool IsConsistent =>
        ScheduledMinutes >= 0 && AttendedMinutes >= 0 && ValidAbsenceMinutes >= 0 && InvalidAbsenceMinutes >= 0
        && AttendedMinutes + AbsentMinutes <= ScheduledMinutes;
}
