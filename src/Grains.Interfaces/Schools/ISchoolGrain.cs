namespace PlugInnan.Grains;

/// <summary>
/// One school unit, keyed by its 8-digit school unit code (skolenhetskod). It keeps the school's
/// settings and a roster that the student grains keep current; it never calls a student grain.
/// </summary>
public interface ISchoolGrain : IGrainWithStringKey
{
    Task Configure(SchoolProfile profile);

    Task SetRoutines(RoutineSettings routines);

    Task SetCalendar(SchoolCalendar calendar);

    [ReadOnly]
    Task<SchoolProfile?> GetProfile();

    [ReadOnly]
    Task<SchoolSettings> GetSettings();

    /// <summary>Adds or replaces the student's entry on the roster.</summary>
    Task UpdateStudent(StudentSummary summary);

    /// <summary>Takes a student off the roster (moved or left); harmless if not on it.</summary>
    Task RemoveStudent(string studentId);

    [ReadOnly]
    Task<IReadOnlyList<StudentSummary>> GetRoster();

    /// <summary>The student ids of the school's students, always up to date even where a summary is not yet.</summary>
    [ReadOnly]
    Task<IReadOnlyList<string>> GetMembers();

    /// <summary>Keeps year-9 leavers' final outcomes (by student id: a repeat changes nothing).</summary>
    Task ArchiveLeavers(IReadOnlyList<LeaverRecord> leavers);

    /// <summary>Drops the leavers who left before <paramref name="leftBefore"/>; returns their student ids.</summary>
    Task<IReadOnlyList<string>> PurgeLeavers(DateOnly leftBefore);

    [ReadOnly]
    Task<IReadOnlyList<LeaverRecord>> GetLeavers();

    /// <summary>The school's figures today, raw (for the school's own staff and for subprojects to suppress).</summary>
    [ReadOnly]
    Task<EngagementFigures> GetFigures();
}
