namespace PlugInnan.Grains;

/// <summary>What a student grain needs from its school to assess: the routine settings and the calendar.</summary>
[GenerateSerializer, Alias("pluginnan.SchoolSettings")]
public sealed record SchoolSettings([property: Id(0)] RoutineSettings Routines, [property: Id(1)] SchoolCalendar Calendar)
{
    public static readonly SchoolSettings Default = new(new RoutineSettings(), SchoolCalendar.Empty);
}
