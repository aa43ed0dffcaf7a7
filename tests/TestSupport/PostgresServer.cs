using System.Diagnostics;
using Npgsql;

namespace PlugInnan.TestSupport;

/// <summary>
/// A throwaway PostgreSQL server from the machine's own PostgreSQL binaries: its own data folder
/// and a free port on 127.0.0.1, removed again on dispose. When PLUGINNAN_TEST_POSTGRES holds a
/// connection string, that server is used instead and nothing is started.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ExternalServerVariable = "PLUGINNAN_TEST_POSTGRES";

    private readonly string? dataFolder;
    private readonly string? binFolder;
    private readonly bool asPostgresUser;

    private PostgresServer(string connectionString, string? dataFolder, string? binFolder, bool asPostgresUser)
    {
        ConnectionString = connectionString;
        this.dataFolder = dataFolder;
        this.binFolder = binFolder;
        this.asPostgresUser = asPostgresUser;
    }

    /// <summary>Connection string of the server's <c>postgres</c> database.</summary>
    public string ConnectionString { get; }

    /// <param name="durable">false turns fsync off: fine for tests, wrong for write benchmarks.</param>
    public static async Task<PostgresServer> StartAsync(bool durable = false)
    {
        if (Environment.GetEnvironmentVariable(ExternalServerVariable) is { Length: > 0 } external)
        {
            return new PostgresServer(external, null, null, false);
        }

        var bin = FindBinFolder() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found. ./test.sh installs them " +
            "(Debian package 'postgresql'), or set " + ExternalServerVariable + " to a server's connection string.");
        var root = Directory.CreateTempSubdirectory("pluginnan-pg-").FullName;
        var data = Path.Combine(root, "data");
        var asPostgres = Environment.IsPrivilegedProcess; // initdb refuses to run as root
        if (asPostgres)
        {
            await RunAsync("chown", ["postgres:postgres", root], asUser: false);
        }

        var server = new PostgresServer("", root, bin, asPostgres);
        try
        {
            await server.RunToolAsync("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
            var port = LoopbackPorts.Free();
            var settings = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=200" + (durable ? "" : " -c fsync=off");
            await server.RunToolAsync("pg_ctl", ["-D", data, "-l", Path.Combine(root, "server.log"), "-o", settings, "-w", "-t", "60", "start"]);
            return new PostgresServer(
                $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=50", root, bin, asPostgres);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (dataFolder is null || !Directory.Exists(dataFolder))
        {
            return; // an external server, or already disposed
        }

        if (File.Exists(Path.Combine(dataFolder, "data", "postmaster.pid")))
        {
            try
            {
                await RunToolAsync("pg_ctl", ["-D", Path.Combine(dataFolder, "data"), "-m", "immediate", "-w", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // Already gone; the folder is removed below either way.
            }
        }

        Directory.Delete(dataFolder, recursive: true);
    }

    private Task RunToolAsync(string tool, string[] arguments) =>
        RunAsync(Path.Combine(binFolder!, tool), arguments, asPostgresUser);

    private static async Task RunAsync(string file, string[] arguments, bool asUser)
    {
        var start = new ProcessStartInfo(asUser ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asUser)
        {
            foreach (var a in (string[])["-u", "postgres", "--", file])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static string? FindBinFolder()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return debian ?? (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(p => File.Exists(Path.Combine(p, "initdb")));
    }
}
