namespace PlugInnan.Grains;

/// <summary>The three prevention levels an intervention works at.</summary>
public enum PreventionLevel
{
    /// <summary>All students; keeps problems from arising.</summary>
    Universal = 1,

    /// <summary>Groups at risk (riktade insatser).</summary>
    Targeted = 2,

    /// <summary>Individual students (interventioner).</summary>
    Indicated = 3,
}
