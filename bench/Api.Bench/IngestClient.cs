using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using PlugInnan.Api.V1;
using PlugInnan.TestSupport;

namespace PlugInnan.Api.Bench;

/// <summary>Drives a silo's API with the development key: schools, enrolments, then attendance.</summary>
internal sealed class IngestClient(int port)
{
    private readonly GrpcClient client = new(new Uri($"http://127.0.0.1:{port}"));
    private readonly CallOptions options = GrpcClient.Bearer("local-development-key");

    /// <summary>Registers the schools and enrols the students across them; returns the student ids.</summary>
    public async Task<IReadOnlyList<string>> EnrolAsync(int students, int schools)
    {
        var codes = Enumerable.Range(0, schools).Select(i => (70_000_000 + i).ToString(CultureInfo.InvariantCulture)).ToList();
        foreach (var code in codes)
        {
            await client.UnaryAsync<RegisterSchoolRequest, RegisterSchoolResponse>("/pluginnan.v1.SchoolService/RegisterSchool", new RegisterSchoolRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                School = new School { SchoolUnitCode = code, Name = $"Skola {code}", MunicipalityCode = "1480", Municipality = "Göteborg", Organiser = "Göteborgs stad" },
            }, options);
        }

        var ids = new string[students];
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, students), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var response = await client.UnaryAsync<EnrollStudentRequest, EnrollStudentResponse>("/pluginnan.v1.StudentService/EnrollStudent", new EnrollStudentRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                CivicNo = CivicNumber(i),
                SchoolUnitCode = codes[i % codes.Count],
                YearLevel = 5 + (i % 5),
                StartDate = new Google.Type.Date { Year = 2026, Month = 8, Day = 17 },
                SecurityMarking = SecurityMarking.None,
            }, options);
            ids[i] = response.StudentId;
        });
        Console.WriteLine($"enrolled {students:N0} students through the API in {watch.Elapsed.TotalSeconds:N1} s");
        return ids;
    }

    public static async Task<TimeSpan> TimeAsync(Func<Task> run)
    {
        var watch = Stopwatch.StartNew();
        await run();
        return watch.Elapsed;
    }

    /// <summary>Client streams, each taking its share of the messages in order.</summary>
    public Task StreamAsync(IEnumerable<LessonRecord> records, int streams, int perMessage)
    {
        var messages = records.Chunk(perMessage).Select((chunk, i) => (chunk, i)).ToList();
        return Task.WhenAll(Enumerable.Range(0, streams).Select(s => client.ClientStreamingAsync<StreamAttendanceRequest, StreamAttendanceResponse>(
            "/pluginnan.v1.StudentService/StreamAttendance",
            messages.Where(m => m.i % streams == s).Select(m => new StreamAttendanceRequest { Records = { m.chunk } }),
            options)));
    }

    /// <summary>Unary batches from several callers at once.</summary>
    public Task BatchesAsync(IEnumerable<LessonRecord> records, int callers, int perBatch) =>
        Parallel.ForEachAsync(records.Chunk(perBatch), new ParallelOptions { MaxDegreeOfParallelism = callers }, async (chunk, _) =>
            await client.UnaryAsync<RecordAttendanceRequest, RecordAttendanceResponse>(
                "/pluginnan.v1.StudentService/RecordAttendance", new RecordAttendanceRequest { Records = { chunk } }, options));

    /// <summary>A valid personnummer per index: born 2011–2015, serial from the index, Luhn check digit.</summary>
    private static string CivicNumber(int index)
    {
        var birth = new DateOnly(2011, 1, 1).AddDays(index % 1800);
        var body = $"{birth:yyMMdd}{index / 1800 % 1000:000}";
        var sum = body.Select((c, i) => (c - '0') * (i % 2 == 0 ? 2 : 1)).Sum(d => d > 9 ? d - 9 : d);
        return $"{birth:yyyyMMdd}{body[6..]}{(10 - (sum % 10)) % 10}";
    }
}
