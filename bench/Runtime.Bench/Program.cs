using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Storage;
using PlugInnan.Grains;
using PlugInnan.Persistence;
using PlugInnan.Runtime.Bench;
using PlugInnan.TestSupport;

// Orleans grain calls per second to many active grains from many concurrent callers, against the same
// work on plain objects behind a SemaphoreSlim each (the ceiling), measured in turns in this one
// process; grain state writes per second on SQLite and PostgreSQL; and the stored state format: bytes
// per student for a school year and student writes per second, Orleans' binary serializer against its
// System.Text.Json one.
var seconds = Option("--seconds", 1.0);
var callers = (int)Option("--callers", 64);
var grainCount = (int)Option("--grains", 1000);
var rounds = (int)Option("--rounds", 7);
var storageSeconds = Option("--storage-seconds", 5.0);
var writers = (int)Option("--writers", 32);
var students = (int)Option("--students", 10);

Console.WriteLine($"Plug Innan grain benchmark (Orleans): {Environment.ProcessorCount} cores, {callers} callers, {grainCount} grains, {rounds} rounds of {seconds} s per side");
var scratch = Directory.CreateTempSubdirectory("pluginnan-bench-").FullName;

await using (var silo = await TestSilo.StartAsync(Path.Combine(scratch, "calls.db")))
{
    await CompareWithCeiling(silo, grainCount, $"{grainCount} grains");
    await CompareWithCeiling(silo, 4, "4 hot grains (callers collide on the same grain)");
}

await StorageWrites("SQLite", Sqlite("writes.db"));
PostgresServer? server = null;
if (Environment.GetEnvironmentVariable(PostgresServer.ExternalServerVariable) is not null || Directory.Exists("/usr/lib/postgresql"))
{
    server = await PostgresServer.StartAsync(durable: true);
    await StorageWrites("PostgreSQL", new StorageSettings { Provider = StorageProvider.PostgreSql, ConnectionString = await server.CreateDatabaseAsync("bench") });
}
else
{
    Console.WriteLine("PostgreSQL writes: not measured (no PostgreSQL server binaries; ./test.sh installs them)");
}

Console.WriteLine($"Stored state format, {students} students with a school year each (190 days x 6 lessons, 2 x 16 grades, 4 interventions, contacts and check-ins), SQLite:");
var binary = await StudentYear("Orleans binary (OrleansGrainStorageSerializer)", Sqlite("binary.db"), configureSilo: null);
var json = await StudentYear("System.Text.Json (SystemTextJsonGrainStorageSerializer)", Sqlite("json.db"), silo => silo.Services
    .AddOptions<AdoNetGrainStorageOptions>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)
    .PostConfigure<IServiceProvider>((o, sp) => o.GrainStorageSerializer = ActivatorUtilities.CreateInstance<SystemTextJsonGrainStorageSerializer>(sp)));
Console.WriteLine($"  binary / JSON: bytes {binary.Bytes / json.Bytes:F2}, writes/s {binary.WritesPerSecond / json.WritesPerSecond:F2}");

if (server is not null)
{
    await server.DisposeAsync();
}

SqliteConnection.ClearAllPools();
Directory.Delete(scratch, recursive: true);

StorageSettings Sqlite(string file) => new() { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(scratch, file)}" };

// Alternates the two sides in short rounds and takes the median of each round's ratio, because a
// 2-core VM drifts between faster and slower phases that would skew a comparison of separate runs.
async Task CompareWithCeiling(TestSilo silo, int count, string title)
{
    var grains = Enumerable.Range(0, count).Select(i => silo.GrainFactory.GetGrain<ICounterGrain>(i)).ToArray();
    var plain = Enumerable.Range(0, count).Select(_ => new PlainCounter()).ToArray();
    await Task.WhenAll(grains.Select(g => g.Increment())); // activate all
    await Measure(i => plain[i].Increment(), count, 0.5); // warm up both paths
    await Measure(i => grains[i].Increment(), count, 0.5);

    Console.WriteLine($"{title}:");
    var ratios = new List<double>();
    var rates = new List<double>();
    for (var round = 0; round < rounds; round++)
    {
        var ceiling = await Measure(i => plain[i].Increment(), count, seconds);
        var runtime = await Measure(i => grains[i].Increment(), count, seconds);
        ratios.Add(runtime / ceiling);
        rates.Add(runtime);
        Console.WriteLine($"  round {round + 1}: ceiling {ceiling,12:N0} calls/s   grains {runtime,12:N0} calls/s   ratio {runtime / ceiling:F2}");
    }

    Console.WriteLine($"  grain calls/s (median)   {Median(rates),12:N0}   (aim: >= 1,000,000)");
    Console.WriteLine($"  ratio to ceiling (median of rounds) {Median(ratios):F2}");
}

async Task StorageWrites(string name, StorageSettings storage)
{
    await using var silo = await TestSilo.StartAsync(storage);
    var grains = Enumerable.Range(0, writers).Select(i => silo.GrainFactory.GetGrain<IWriterGrain>(i)).ToArray();
    await Task.WhenAll(grains.Select(g => g.Write(0)));
    var stop = Stopwatch.StartNew();
    var counts = await Task.WhenAll(grains.Select(async grain =>
    {
        var n = 0;
        while (stop.Elapsed.TotalSeconds < storageSeconds)
        {
            await grain.Write(++n);
        }

        return n;
    }));
    Console.WriteLine($"{name} state writes/s       {counts.Sum() / stop.Elapsed.TotalSeconds,12:N0}   ({writers} grains writing concurrently, durable commits)");
}

// Every call below writes the whole student state once, so writes/s is the speed of writing a student's
// state as it grows over the year, and the bytes are what one student with a year of records costs.
async Task<(double Bytes, double WritesPerSecond)> StudentYear(string name, StorageSettings storage, Action<Orleans.Hosting.ISiloBuilder>? configureSilo)
{
    var termStart = new DateOnly(2026, 8, 17);
    var days = Enumerable.Range(0, 320).Select(termStart.AddDays)
        .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Take(190).ToList();
    var clock = new ManualTimeProvider(new DateTimeOffset(days[^1].ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
    var subjects = "SV EN MA BI FY KE GE HI RE SH BL HKK IDH MU SL TK".Split(' ');
    await using var silo = await TestSilo.StartAsync(storage, schoolTime: clock, configureSilo: configureSilo);
    var writes = 0;
    var stop = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, students).Select(async s =>
    {
        var student = silo.GrainFactory.GetGrain<IStudentGrain>($"bench-student-{s}");
        await student.Enroll(new Enrolment("12345678", 7, "7B", "mentor-3", termStart, null, SecurityMarking.None));
        foreach (var week in days.Chunk(5))
        {
            await student.RecordAttendance([.. week.SelectMany(d => Enumerable.Range(1, 6).Select(n =>
                new LessonAttendance(d, Guid.NewGuid().ToString(), 60, n == 6 && d.Day % 7 == 0 ? 0 : 60, 0, n == 6 && d.Day % 7 == 0 ? 60 : 0)))]);
            Interlocked.Increment(ref writes);
        }

        foreach (var registered in new[] { new DateOnly(2026, 12, 18), new DateOnly(2027, 5, 28) })
        {
            await student.RecordGrades([.. subjects.Select(x => new GradeEntry(x, new SchoolTerm(registered.Year, registered.Month >= 7 ? Semester.Autumn : Semester.Spring), "C", false, registered))]);
            Interlocked.Increment(ref writes);
        }

        for (var i = 0; i < 4; i++)
        {
            await student.RecordIntervention(new($"i{i}", PreventionLevel.Indicated, DevelopmentArea.Relationships, [], "Samtal", "mentor-3", days[i * 40], days[i * 40 + 10], InterventionStatus.Active));
            await student.RecordGuardianContact(new($"c{i}", days[i * 40], ContactChannel.Phone, ContactReason.Absence, ContactOutcome.Reached));
            await student.RecordConnectedness(new(days[i * 40], 3, 3, 4, 3));
            Interlocked.Add(ref writes, 3);
        }
    }));
    var rate = writes / stop.Elapsed.TotalSeconds;
    var bytes = await AverageStudentBytes(storage.ConnectionString);
    Console.WriteLine($"  {name,-58} {bytes,10:N0} bytes per student   {rate,8:N0} student writes/s");
    return (bytes, rate);
}

static async Task<double> AverageStudentBytes(string connectionString)
{
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT avg(length(PayloadBinary)) FROM OrleansStorage WHERE GrainTypeString = 'student'";
    return Convert.ToDouble(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
}

async Task<double> Measure(Func<int, Task> call, int count, double duration)
{
    var stop = Stopwatch.StartNew();
    var limit = TimeSpan.FromSeconds(duration);
    var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
    {
        var random = (uint)(caller * 2654435761u) | 1;
        long n = 0;
        while ((n & 255) != 0 || stop.Elapsed < limit)
        {
            random ^= random << 13;
            random ^= random >> 17;
            random ^= random << 5;
            await call((int)(random % (uint)count));
            if ((++n & 255) == 0)
            {
                await Task.Yield(); // lets every caller take turns on the few pool threads, in both measurements alike
            }
        }

        return n;
    })));
    return counts.Sum() / stop.Elapsed.TotalSeconds;
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

double Option(string name, double fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
