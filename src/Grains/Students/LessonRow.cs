using System.Security.Cryptography;
using System.Text;

namespace PlugInnan.Grains.Students;

/// <summary>
/// One lesson's attendance as stored: the day number, a 64-bit key hashed from the lesson id (school
/// systems send ids of any length, often UUIDs; the key is all replacement needs) and the minutes.
/// </summary>
[GenerateSerializer, Alias("pluginnan.LessonRow")]
public readonly record struct LessonRow([property: Id(0)] int Day, [property: Id(1)] ulong Key, [property: Id(2)] ushort Scheduled, [property: Id(3)] ushort Attended, [property: Id(4)] ushort Valid, [property: Id(5)] ushort Invalid)
{
    public static LessonRow From(LessonAttendance lesson)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        return new(
            lesson.Date.DayNumber,
            KeyOf(lesson.LessonId),
            checked((ushort)lesson.ScheduledMinutes),
            checked((ushort)lesson.AttendedMinutes),
            checked((ushort)lesson.ValidAbsenceMinutes),
            checked((ushort)lesson.InvalidAbsenceMinutes));
    }

    /// <summary>The first 8 bytes of SHA-256: for a thousand lessons a collision is about 1 in 10^13.</summary>
    public static ulong KeyOf(string lessonId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(lessonId), hash);
        return BitConverter.ToUInt64(hash);
    }

    /// <summary>As a lesson record again; the lesson id is the key in hex, which identifies the lesson as well.</summary>
    public LessonAttendance ToAttendance() =>
        new(DateOnly.FromDayNumber(Day), Key.ToString("x16", System.Globalization.CultureInfo.InvariantCulture), Scheduled, Attended, Valid, Invalid);
}
