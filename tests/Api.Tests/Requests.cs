using Google.Rpc;
using PlugInnan.Api.V1;
using Grpc.Core;

namespace PlugInnan.Api.Tests;

/// <summary>Method paths, request builders and status checks the API tests share.</summary>
internal static class Requests
{
    public const string Students = "/pluginnan.v1.StudentService/";
    public const string Schools = "/pluginnan.v1.SchoolService/";
    public const string Subprojects = "/pluginnan.v1.SubprojectService/";
    public const string FollowUps = "/pluginnan.v1.FollowUpService/";

    private static int serial = Random.Shared.Next(100, 500);

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    public static string NewId() => Guid.NewGuid().ToString();

    public static Google.Type.Date Date(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    /// <summary>A fresh valid personnummer (born 2012, year 9 in 2026/27), with a correct check digit.</summary>
    public static string NewCivicNo()
    {
        var number = Interlocked.Increment(ref serial);
        var body = $"1203{1 + (number % 28):00}{number % 1000:000}"; // YYMMDD NNN of 2012-03-DD
        return $"2012{body[2..6]}-{body[6..]}{Luhn(body)}";
    }

    public static StudentRef ByCivicNo(string civicNo) => new() { CivicNo = civicNo };

    public static StudentRef ById(string id) => new() { StudentId = id };

    public static RegisterSchoolRequest School(string code, string name = "Provskolan") => new()
    {
        RequestId = NewId(),
        School = new School { SchoolUnitCode = code, Name = name, MunicipalityCode = "1442", Municipality = "Vara", Organiser = "Vara kommun" },
    };

    public static EnrollStudentRequest Enrol(string civicNo, string school, int year = 9) => new()
    {
        RequestId = NewId(),
        CivicNo = civicNo,
        SchoolUnitCode = school,
        YearLevel = year,
        ClassName = $"{year}A",
        StartDate = Date(Today.AddDays(-60)),
        SecurityMarking = SecurityMarking.None,
    };

    public static LessonRecord Lesson(StudentRef student, DateOnly day, string lesson, int attended = 60, int valid = 0, int invalid = 0) => new()
    {
        Student = student,
        Date = Date(day),
        LessonId = lesson,
        ScheduledMinutes = 60,
        AttendedMinutes = attended,
        ValidAbsenceMinutes = valid,
        InvalidAbsenceMinutes = invalid,
    };

    public static GradeRecord Grade(string subject, string grade) => new()
    {
        Subject = subject,
        Grade = grade,
        Semester = Today.Month >= 7 ? Semester.Spring : Semester.Autumn,
        Year = Today.Month >= 7 ? Today.Year : Today.Year - 1,
        RegisteredOn = Date(Today.Month >= 7 ? new DateOnly(Today.Year, 6, 10) : new DateOnly(Today.Year - 1, 12, 18)),
    };

    /// <summary>Runs the call, expecting it to fail with <paramref name="code"/>; returns the fields its BadRequest names.</summary>
    public static async Task<List<string>> FailsAsync(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(error.StatusCode == code, $"expected {code}, got {error.Status}");
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        return badRequest?.FieldViolations.Select(v => v.Field).ToList() ?? [];
    }

    private static int Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }

        return (10 - (sum % 10)) % 10;
    }
}
