namespace PlugInnan.Grains.Schools;

/// <summary>What a school grain stores: its profile and settings, and the roster its students keep current.</summary>
[GenerateSerializer, Alias("pluginnan.SchoolState")]
public sealed class SchoolState
{
    [Id(0)]
    public SchoolProfile? Profile { get; set; }

    [Id(1)]
    public RoutineSettings Routines { get; set; } = new();

    [Id(2)]
    public SchoolCalendar Calendar { get; set; } = SchoolCalendar.Empty;

    /// <summary>Year-9 leavers' final outcomes, by student id, until the retention period ends.</summary>
    [Id(3)]
    public Dictionary<string, LeaverRecord> Leavers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>One summary per student id.</summary>
    [Id(4)]
    public Dictionary<string, StudentSummary> Roster { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Who the school's students are: stored at once on every change, so the nightly refresh reaches them all.</summary>
[GenerateSerializer, Alias("pluginnan.SchoolMembers")]
public sealed class SchoolMembers
{
    [Id(0)]
    public HashSet<string> Students { get; set; } = new(StringComparer.Ordinal);
}
