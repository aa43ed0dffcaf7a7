using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using PlugInnan.Api.Bench;
using PlugInnan.Api.V1;
using PlugInnan.TestSupport;

// Attendance ingest through the API of a real silo process (StreamAttendance and RecordAttendance),
// on PostgreSQL and on SQLite, in lesson records per second; against COPY of the same rows into a
// plain table on the same PostgreSQL server with Npgsql (the ceiling), printed as a ratio.
var students = Option("--students", 10_000);
var days = Option("--days", 20);
var lessonsPerDay = Option("--lessons", 6);
var schools = Option("--schools", 20);
var backends = (Environment.GetCommandLineArgs().SkipWhile(a => a != "--backends").Skip(1).FirstOrDefault() ?? "postgresql,sqlite").Split(',');
var records = (long)students * days * lessonsPerDay;
Console.WriteLine($"Plug Innan attendance ingest: {Environment.ProcessorCount} cores, {students} students at {schools} schools, {days} school days x {lessonsPerDay} lessons = {records:N0} records per month");

await using var server = await PostgresServer.StartAsync(durable: true);
var ceiling = await CopyCeilingAsync(await server.CreateDatabaseAsync("ceiling"));
Console.WriteLine($"ceiling  Npgsql binary COPY into a plain table: {ceiling,10:N0} records/s");

foreach (var backend in backends)
{
    var folder = Directory.CreateTempSubdirectory("pluginnan-ingest-").FullName;
    var environment = backend == "postgresql"
        ? new Dictionary<string, string> { ["Silo__Storage__Provider"] = "PostgreSql", ["Silo__Storage__ConnectionString"] = await server.CreateDatabaseAsync("silo") }
        : [];
    await using var silo = SiloProcess.Start(folder, environment);
    await silo.WaitForOutputAsync("Plug Innan silo ready", 120);
    var client = new IngestClient(silo.GrpcPort);
    var ids = await client.EnrolAsync(students, schools);

    var byDay = await IngestClient.TimeAsync(() => client.StreamAsync(Month(ids, 0, byStudent: false), streams: 2, perMessage: 5_000));
    Report(backend, "StreamAttendance, a month exported day by day, 2 streams", byDay);
    var byStudent = await IngestClient.TimeAsync(() => client.BatchesAsync(Month(ids, 1, byStudent: true), callers: 4, perBatch: 10_000));
    Report(backend, "RecordAttendance, a month exported student by student, 4 callers x 10,000", byStudent);

    await silo.InterruptAsync(120);
    Directory.Delete(folder, recursive: true);
}

void Report(string backend, string what, TimeSpan elapsed)
{
    var rate = records / elapsed.TotalSeconds;
    Console.WriteLine($"{backend,-10} {what}: {rate,10:N0} records/s in {elapsed.TotalSeconds:N1} s, ratio to COPY {rate / ceiling:0.000}");
}

// Lesson records of one month (the month-th month back from the first day), by day or by student.
IEnumerable<LessonRecord> Month(IReadOnlyList<string> ids, int month, bool byStudent)
{
    var first = DateOnly.FromDateTime(DateTime.Today).AddDays(-(month + 1) * 28);
    var schoolDays = Enumerable.Range(0, 28).Select(first.AddDays).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Take(days).ToList();
    var pairs = byStudent
        ? ids.SelectMany(id => schoolDays.Select(day => (id, day)))
        : schoolDays.SelectMany(day => ids.Select(id => (id, day)));
    foreach (var (id, day) in pairs)
    {
        for (var n = 1; n <= lessonsPerDay; n++)
        {
            var absent = (id.GetHashCode(StringComparison.Ordinal) + day.DayNumber + n) % 17 == 0;
            yield return new LessonRecord
            {
                Student = new StudentRef { StudentId = id },
                Date = new Google.Type.Date { Year = day.Year, Month = day.Month, Day = day.Day },
                LessonId = $"L{n}",
                ScheduledMinutes = 60,
                AttendedMinutes = absent ? 0 : 60,
                InvalidAbsenceMinutes = absent ? 60 : 0,
            };
        }
    }
}

// The same rows straight into PostgreSQL: what the database can take at best.
async Task<double> CopyCeilingAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using (var create = new NpgsqlCommand(
        "CREATE TABLE lesson (student_id text, day date, lesson_id text, scheduled int, attended int, valid int, invalid int)", connection))
    {
        await create.ExecuteNonQueryAsync();
    }

    var ids = Enumerable.Range(0, students).Select(i => i.ToString("x32", CultureInfo.InvariantCulture)).ToList();
    var watch = Stopwatch.StartNew();
    await using (var copy = await connection.BeginBinaryImportAsync("COPY lesson FROM STDIN (FORMAT BINARY)"))
    {
        foreach (var record in Month(ids, 0, byStudent: false))
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(record.Student.StudentId, NpgsqlDbType.Text);
            await copy.WriteAsync(new DateOnly(record.Date.Year, record.Date.Month, record.Date.Day), NpgsqlDbType.Date);
            await copy.WriteAsync(record.LessonId, NpgsqlDbType.Text);
            await copy.WriteAsync(record.ScheduledMinutes, NpgsqlDbType.Integer);
            await copy.WriteAsync(record.AttendedMinutes, NpgsqlDbType.Integer);
            await copy.WriteAsync(record.ValidAbsenceMinutes, NpgsqlDbType.Integer);
            await copy.WriteAsync(record.InvalidAbsenceMinutes, NpgsqlDbType.Integer);
        }

        await copy.CompleteAsync();
    }

    return records / watch.Elapsed.TotalSeconds;
}

static int Option(string name, int fallback)
{
    var args = Environment.GetCommandLineArgs();
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
