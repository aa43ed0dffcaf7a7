using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using PlugInnan.Api.V1;
using PlugInnan.DemoRegion;

// A synthetic region for a first look at the web pages: for each subproject the silo has (the
// programme's 22), two schools with students in years 5–9, six weeks of lessons, year-9 grades,
// connectedness check-ins, interventions and guardian contacts, with the baseline (nulägesanalys)
// taken after the first three weeks and attendance better after it in every other subproject, and a
// digest for each of those weeks restated from the records (as the scheduler records one each Monday).
// Fake people only (see FakeCivicNumbers). Through the public API, with the development key, so the
// silo must run on this machine: `dotnet run --project src/Silo` in another terminal.
if (Argument("--print-civic-numbers", "") is { Length: > 0 } count)
{
    // For checking the numbers the demo uses, without a silo.
    foreach (var n in Enumerable.Range(0, int.Parse(count, CultureInfo.InvariantCulture)))
    {
        Console.WriteLine(FakeCivicNumbers.For(n));
    }

    return 0;
}

var address = Argument("--address", "http://127.0.0.1:50051");
var key = Argument("--key", "local-development-key");
var perSchool = int.Parse(Argument("--students", "30"), CultureInfo.InvariantCulture);
using var channel = GrpcChannel.ForAddress(address);
var auth = new Metadata { { "authorization", $"Bearer {key}" } };
var schools = new SchoolService.SchoolServiceClient(channel);
var students = new StudentService.StudentServiceClient(channel);
var subprojects = new SubprojectService.SubprojectServiceClient(channel);
var random = new Random(20261204); // the same region every time
var today = DateOnly.FromDateTime(DateTime.Now);
var autumnYear = today.Month >= 7 ? today.Year : today.Year - 1; // the school year runs from 1 July, as the silo's
var days = Enumerable.Range(1, 60).Select(d => today.AddDays(-d)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Take(30).Order().ToList();
var (before, after) = (days[..15], days[15..]);
DevelopmentArea[] areas = [.. Enum.GetValues<DevelopmentArea>().Where(a => a != DevelopmentArea.Unspecified)];

var list = (await subprojects.ListSubprojectsAsync(new ListSubprojectsRequest { PageSize = 100 }, auth)).Subprojects;
Console.WriteLine($"Fyller {list.Count} delprojekt med två skolor var och {perSchool} elever per skola på {address} …");
var serial = 0;
for (var s = 0; s < list.Count; s++)
{
    var subproject = list[s];
    var improving = s % 2 == 0;
    var enrolled = new List<(string Id, int Year, double Absence)>();
    foreach (var letter in new[] { "A", "B" })
    {
        var code = (90_000_000 + (s * 10) + (letter == "A" ? 1 : 2)).ToString(CultureInfo.InvariantCulture);
        var name = $"Demoskolan {subproject.Municipality} {s + 1}{letter}";
        await schools.RegisterSchoolAsync(new RegisterSchoolRequest
        {
            RequestId = $"demo-school-{code}",
            School = new School { SchoolUnitCode = code, Name = name, MunicipalityCode = "0000", Municipality = subproject.Municipality, Organiser = $"{subproject.Municipality} (demo)" },
        }, auth);
        await subprojects.AddSchoolAsync(new AddSchoolRequest { RequestId = $"demo-add-{code}", SubprojectId = subproject.SubprojectId, SchoolName = name, SchoolUnitCode = code }, auth);
        for (var i = 0; i < perSchool; i++)
        {
            var year = 5 + (i % 5);
            var response = await students.EnrollStudentAsync(new EnrollStudentRequest
            {
                RequestId = $"demo-enrol-{code}-{i}", CivicNo = FakeCivicNumbers.For(serial++), SchoolUnitCode = code, YearLevel = year,
                ClassName = $"{year}{letter}", StartDate = Date(days[0].AddDays(-30)), SecurityMarking = SecurityMarking.None,
            }, auth);
            enrolled.Add((response.StudentId, year, random.NextDouble() < 0.2 ? 0.15 + (random.NextDouble() * 0.2) : random.NextDouble() * 0.06));
        }
    }

    await AttendAsync(enrolled, before, 1.0);
    await subprojects.RecordBaselineAsync(new RecordBaselineRequest { RequestId = $"demo-baseline-{subproject.SubprojectId}", SubprojectId = subproject.SubprojectId }, auth);
    await AttendAsync(enrolled, after, improving ? 0.5 : 1.1);
    foreach (var (id, year, absence) in enrolled)
    {
        await RecordsAsync(id, year, absence);
    }

    await RestateAsync(subproject.SubprojectId);
    Console.WriteLine($"  {subproject.Name}: {enrolled.Count} elever");
}

Console.WriteLine("Klart. Öppna http://127.0.0.1:8081 och logga in som utveckling med nyckeln local-development-key.");
return 0;

// The weeks' digests, as the records stood each Monday; only this school year can be restated.
async Task RestateAsync(string subprojectId)
{
    var schoolYearStart = new DateOnly(autumnYear, 7, 1);
    var since = days[0] > schoolYearStart ? days[0] : schoolYearStart;
    if (since < today.AddDays(-(((int)today.DayOfWeek + 6) % 7)))
    {
        await subprojects.RestateDigestsAsync(new RestateDigestsRequest
        {
            RequestId = $"demo-digests-{subprojectId}-{since:yyyyMMdd}", SubprojectId = subprojectId, Since = Date(since),
        }, auth);
    }
}

// Each student's lessons, six a day, absent (without a valid reason) at their rate times the factor.
async Task AttendAsync(List<(string Id, int Year, double Absence)> enrolled, List<DateOnly> on, double factor)
{
    using var stream = students.StreamAttendance(auth);
    foreach (var (id, _, absence) in enrolled)
    {
        var request = new StreamAttendanceRequest();
        foreach (var day in on)
        {
            for (var lesson = 1; lesson <= 6; lesson++)
            {
                var absent = random.NextDouble() < absence * factor;
                request.Records.Add(new LessonRecord
                {
                    Student = new StudentRef { StudentId = id }, Date = Date(day), LessonId = $"L{lesson}", ScheduledMinutes = 60,
                    AttendedMinutes = absent ? 0 : 60, InvalidAbsenceMinutes = absent ? 60 : 0,
                });
            }
        }

        await stream.RequestStream.WriteAsync(request);
    }

    await stream.RequestStream.CompleteAsync();
    await stream.ResponseAsync;
}

// Grades in year 9 (some below E where absence is high), a connectedness check-in, and for the students
// absent most an intervention and a guardian contact.
async Task RecordsAsync(string id, int year, double absence)
{
    var student = new StudentRef { StudentId = id };
    if (year == 9)
    {
        var grades = new RecordGradesRequest { RequestId = $"demo-grades-{id}", Student = student };
        foreach (var subject in new[] { "SV", "EN", "MA", "BI", "FY", "KE", "GE", "HI", "RE", "SH", "TK", "BL" })
        {
            var grade = absence > 0.15 && random.NextDouble() < 0.4 ? "F" : "EDCBA"[random.Next(5)].ToString();
            grades.Grades.Add(new GradeRecord { Subject = subject, Semester = Semester.Autumn, Year = autumnYear, Grade = grade, RegisteredOn = Date(days[0]) });
        }

        await students.RecordGradesAsync(grades, auth);
    }

    int Score() => Math.Clamp((int)Math.Round(4 - (absence * 8) + ((random.NextDouble() - 0.5) * 2)), 1, 5);
    await students.RecordConnectednessAsync(new RecordConnectednessRequest
    {
        RequestId = $"demo-check-in-{id}", Student = student, Date = Date(days[^5]), Behavioural = Score(), Academic = Score(), Cognitive = Score(), Affective = Score(),
    }, auth);
    if (absence > 0.15)
    {
        await students.CreateInterventionAsync(new CreateInterventionRequest
        {
            RequestId = $"demo-intervention-{id}", Student = student,
            Level = random.NextDouble() < 0.5 ? PreventionLevel.Targeted : PreventionLevel.Indicated,
            Area = areas[random.Next(areas.Length)],
            Description = "Närvaroplan med mentorssamtal varje vecka", Owner = "Mentor (demo)",
            StartDate = Date(days[^10]), FollowUpDate = Date(today.AddDays(random.Next(-7, 14))),
        }, auth);
        await students.RecordGuardianContactAsync(new RecordGuardianContactRequest
        {
            RequestId = $"demo-contact-{id}", Student = student, Date = Date(days[^3]),
            Channel = ContactChannel.Phone, Reason = ContactReason.UnexcusedAbsence, Outcome = ContactOutcome.Reached,
        }, auth);
    }
}

static Google.Type.Date Date(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

static string Argument(string name, string fallback)
{
    var args = Environment.GetCommandLineArgs();
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}
