namespace PlugInnan.Grains;

/// <summary>
/// Attendance in one lesson, in minutes, as SS 12000 reports it. (Date, lesson id) identifies the record:
/// a resend replaces it, so corrections (an absence turned valid) never double count.
/// </summary>
[GenerateSerializer, Alias("pluginnan.LessonAttendance")]
public sealed record LessonAttendance(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] string LessonId,
    [property: Id(2)] int ScheduledMinutes,
    [property: Id(3)] int AttendedMinutes,
    [property: Id(4)] int ValidAbsenceMinutes,
    [property: Id(5)] int InvalidAbsenceMinutes)
{
    public int AbsentMinutes => ValidAbsenceMinutes + InvalidAbsenceMinutes;

    /// <summary>The minutes add up: none negative, and attended plus absent never more than scheduled.</summary>
    public bool IsConsistent =>
        ScheduledMinutes >= 0 && AttendedMinutes >= 0 && ValidAbsenceMinutes >= 0 && InvalidAbsenceMinutes >= 0
        && AttendedMinutes + AbsentMinutes <= ScheduledMinutes;
}
