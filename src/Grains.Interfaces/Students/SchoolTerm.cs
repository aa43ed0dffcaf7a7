namespace PlugInnan.Grains;

/// <summary>SS 12000 <c>semester</c>: VT (spring) or HT (autumn).</summary>
public enum Semester
{
    /// <summary>VT, vårtermin.</summary>
    Spring = 1,

    /// <summary>HT, hösttermin.</summary>
    Autumn = 2,
}

/// <summary>A term: spring comes before autumn in the same calendar year.</summary>
[GenerateSerializer, Alias("pluginnan.SchoolTerm")]
public readonly record struct SchoolTerm([property: Id(0)] int Year, [property: Id(1)] Semester Semester) : IComparable<SchoolTerm>
{
    public int CompareTo(SchoolTerm other) => (Year, Semester).CompareTo((other.Year, other.Semester));

    public static bool operator <(SchoolTerm left, SchoolTerm right) => left.CompareTo(right) < 0;

    public static bool operator >(SchoolTerm left, SchoolTerm right) => left.CompareTo(right) > 0;

    public static bool operator <=(SchoolTerm left, SchoolTerm right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SchoolTerm left, SchoolTerm right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{(Semester == Semester.Spring ? "VT" : "HT")}{Year}";
}
