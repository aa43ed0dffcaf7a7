using System.Diagnostics;
using PlugInnan.Persistence;
using PlugInnan.Runtime;
using PlugInnan.Runtime.Bench;
using PlugInnan.TestSupport;

// Calls per second to many active grains from many concurrent callers, against the same work on
// plain objects behind a SemaphoreSlim each (the ceiling), measured in turns in this one process;
// then grain state writes per second on SQLite and PostgreSQL.
var seconds = Option("--seconds", 1.0);
var callers = (int)Option("--callers", 64);
var grainCount = (int)Option("--grains", 1000);
var rounds = (int)Option("--rounds", 7);
var storageSeconds = Option("--storage-seconds", 5.0);
var writers = (int)Option("--writers", 32);

Console.WriteLine($"Plug Innan runtime benchmark: {Environment.ProcessorCount} cores, {callers} callers, {grainCount} grains, {rounds} rounds of {seconds} s per side");

await using (var silo = await TestSilo.StartAsync(runtime => runtime.AddGrains(typeof(CounterGrain).Assembly)))
{
    await CompareWithCeiling(silo, grainCount, $"{grainCount} grains");
    await CompareWithCeiling(silo, 4, "4 hot grains (callers collide on the same grain)");
}

await StorageWrites("SQLite", runtime =>
{
    var folder = Directory.CreateTempSubdirectory("pluginnan-bench-").FullName;
    runtime.AddSqliteGrainStorage($"Data Source={Path.Combine(folder, "bench.db")}");
});

if (Environment.GetEnvironmentVariable(PostgresServer.ExternalServerVariable) is not null || Directory.Exists("/usr/lib/postgresql"))
{
    await using var server = await PostgresServer.StartAsync(durable: true);
    var connectionString = await server.CreateDatabaseAsync("bench");
    await StorageWrites("PostgreSQL", runtime => runtime.AddPostgreSqlGrainStorage(connectionString));
}
else
{
    Console.WriteLine("PostgreSQL writes: not measured (no PostgreSQL server binaries; ./test.sh installs them)");
}

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
    Console.WriteLine($"  ratio to ceiling (median of rounds) {Median(ratios):F2}   (aim: >= 0.50)");
}

async Task StorageWrites(string name, Action<GrainRuntimeBuilder> addStorage)
{
    await using var silo = await TestSilo.StartAsync(runtime =>
    {
        runtime.AddGrains(typeof(WriterGrain).Assembly).AddGrainStateJson(BenchJsonContext.Default);
        addStorage(runtime);
    });
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
