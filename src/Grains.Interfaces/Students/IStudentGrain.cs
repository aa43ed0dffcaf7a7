namespace PlugInnan.Grains;

/// <summary>
/// One student's engagement state. The key is the pseudonymous student id (see
/// <c>PlugInnan.Grains.Identity.StudentPseudonym</c>), never a civic number.
/// </summary>
public interface IStudentGrain : IGrainWithStringKey
{
    Task Enroll(Enrolment enrolment);

    /// <summary>Stores lesson records; a record for a (date, lesson id) already stored replaces it.</summary>
    Task RecordAttendance(IReadOnlyList<LessonAttendance> lessons);

    /// <summary>Stores grades; a grade for a (subject, date) already stored replaces it.</summary>
    Task RecordGrades(IReadOnlyList<GradeEntry> grades);

    Task RecordSubjectAlert(SubjectAlert alert);

    Task RecordConnectedness(ConnectednessCheckIn checkIn);

    /// <summary>The profile as of <paramref name="today"/>, with the term starting <paramref name="termStart"/>.</summary>
    [ReadOnly]
    Task<StudentProfile> GetProfile(DateOnly today, DateOnly termStart);
}
