namespace PlugInnan.Grains;

/// <summary>What a student grain needs from its school to assess: the routine settings and the calendar.</summary>
public sealed record SchoolSettings(RoutineSettings Routines, SchoolCalendar Calendar)
{
    public static readonly SchoolSettings Default = new(new RoutineSettings(), SchoolCalendar.Empty);
}
