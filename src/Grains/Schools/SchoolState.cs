namespace PlugInnan.Grains.Schools;

/// <summary>What a school grain stores: its profile and settings, and the roster its students keep current.</summary>
public sealed class SchoolState
{
    public SchoolProfile? Profile { get; set; }

    public RoutineSettings Routines { get; set; } = new();

    public SchoolCalendar Calendar { get; set; } = SchoolCalendar.Empty;

    /// <summary>Year-9 leavers' final outcomes, by student id, until the retention period ends.</summary>
    public Dictionary<string, LeaverRecord> Leavers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>One summary per student id.</summary>
    public Dictionary<string, StudentSummary> Roster { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Who the school's students are: stored at once on every change, so the nightly refresh reaches them all.</summary>
public sealed class SchoolMembers
{
    public HashSet<string> Students { get; set; } = new(StringComparer.Ordinal);
}
