namespace PlugInnan.Grains.Tests;

/// <summary>Short ways to write the records tests use.</summary>
internal static class Records
{
    /// <summary>A term grade registered on a day; the term is the one the day falls in (July on is autumn).</summary>
    public static GradeEntry Grade(string subject, string grade, DateOnly registeredOn, bool final = false) =>
        new(subject, new SchoolTerm(registeredOn.Year, registeredOn.Month >= 7 ? Semester.Autumn : Semester.Spring), grade, final, registeredOn);

    /// <summary>Grades written as "SV:C EN:E MA:F …", all registered on one day.</summary>
    public static List<GradeEntry> Grades(string subjectsAndGrades, DateOnly registeredOn, bool final = false) =>
        [.. subjectsAndGrades.Split(' ').Select(p => p.Split(':')).Select(p => Grade(p[0], p[1], registeredOn, final))];
}
