using System.Globalization;
using Google.Protobuf;
using Microsoft.Data.Sqlite;
using PlugInnan.Api.Access;
using Grpc.Core;
using PlugInnan.TestSupport;

namespace PlugInnan.Api.Tests;

/// <summary>
/// The real silo process on SQLite in a folder of its own, with API clients of every kind: two school
/// systems (one school each), a process leader (one subproject), municipal IT, and the development client.
/// </summary>
public sealed class ApiSilo : IAsyncLifetime
{
    public const string SchoolA = "11111111";
    public const string SchoolB = "22222222";
    public const string LeadersSubproject = "alleskolan-vara";
    public const string SchoolAKey = "school-a-key";
    public const string SchoolBKey = "school-b-key";
    public const string LeaderKey = "leader-key";
    public const string AdminKey = "admin-key";

    private readonly string folder = Directory.CreateTempSubdirectory("pluginnan-api-").FullName;
    private readonly IReadOnlyDictionary<string, string> settings;
    private SiloProcess? silo;
    private GrpcClient? client;

    public ApiSilo()
        : this(new Dictionary<string, string>())
    {
    }

    /// <param name="settings">More settings for the silo, as environment variables (e.g. a faster job schedule).</param>
    internal ApiSilo(IReadOnlyDictionary<string, string> settings) => this.settings = settings;

    public string Folder => folder;

    public string Output => silo!.Output;

    public int Port => silo!.GrpcPort;

    public int OperatorPort => silo!.OperatorPort;

    public string DatabasePath => Path.Combine(folder, "data", "pluginnan.db");

    public async Task InitializeAsync() => await StartAsync();

    /// <summary>Starts the silo (again) on this folder, with <paramref name="more"/> settings over the fixture's own.</summary>
    public async Task StartAsync(IReadOnlyDictionary<string, string>? more = null)
    {
        var environment = new Dictionary<string, string>(settings);
        foreach (var (name, value) in more ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        AddClients(environment);
        silo = SiloProcess.Start(folder, environment);
        await silo.WaitForOutputAsync("Plug Innan silo ready");
        client = new GrpcClient(new Uri($"http://127.0.0.1:{silo.GrpcPort}"));
    }

    /// <summary>Kills the silo at once (SIGKILL): what was answered must already be stored.</summary>
    public async Task KillAsync()
    {
        await silo!.DisposeAsync();
        silo = null;
    }

    public Task<TResponse> CallAsync<TRequest, TResponse>(string key, string method, TRequest request)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        client!.UnaryAsync<TRequest, TResponse>(method, request, With(key));

    /// <summary>A unary call whose types are known only at run time (for tables of bad requests); the response is dropped.</summary>
    public async Task CallDynamicAsync(string key, string method, IMessage request, Type responseType)
    {
        var call = typeof(ApiSilo).GetMethod(nameof(CallAsync))!.MakeGenericMethod(request.GetType(), responseType);
        await (Task)call.Invoke(this, [key, method, request])!;
    }

    /// <summary>A server-streaming call; read it until null.</summary>
    public Task<GrpcCallHandle<TRequest, TResponse>> WatchAsync<TRequest, TResponse>(string key, string method, TRequest request)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        client!.ServerStreamingAsync<TRequest, TResponse>(method, request, With(key));

    public Task<TResponse> StreamAsync<TRequest, TResponse>(string key, string method, IEnumerable<TRequest> requests)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        client!.ClientStreamingAsync<TRequest, TResponse>(method, requests, With(key));

    /// <summary>Rows of the audit log, oldest first: (client, method, outcome, school, students as JSON).</summary>
    public async Task<List<(string Client, string Method, string Outcome, string? School, string Students)>> AuditAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT client, method, outcome, school_unit_code, students FROM audit_log ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, string, string?, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4)));
        }

        return rows;
    }

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The fixture's API clients, as settings in the environment of a silo.</summary>
    internal static void AddClients(Dictionary<string, string> environment)
    {
        Client(environment, 1, "school-a", SchoolAKey, [ApiRole.SchoolSystem], schools: [SchoolA]);
        Client(environment, 2, "school-b", SchoolBKey, [ApiRole.SchoolSystem], schools: [SchoolB]);
        Client(environment, 3, "leader", LeaderKey, [ApiRole.ProcessLeader], subprojects: [LeadersSubproject]);
        Client(environment, 4, "municipal-it", AdminKey, [ApiRole.Administrator]);
    }

    internal static CallOptions With(string key) => GrpcClient.Bearer(key);

    internal static void Client(
        Dictionary<string, string> environment, int index, string name, string key, ApiRole[] roles, string[]? schools = null, string[]? subprojects = null)
    {
        var prefix = $"Api__Clients__{index.ToString(CultureInfo.InvariantCulture)}__";
        environment[prefix + "Name"] = name;
        environment[prefix + "KeySha256"] = ApiClients.Hash(key);
        for (var i = 0; i < roles.Length; i++)
        {
            environment[$"{prefix}Roles__{i}"] = roles[i].ToString();
        }

        for (var i = 0; i < (schools ?? []).Length; i++)
        {
            environment[$"{prefix}Schools__{i}"] = schools![i];
        }

        for (var i = 0; i < (subprojects ?? []).Length; i++)
        {
            environment[$"{prefix}Subprojects__{i}"] = subprojects![i];
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ApiSiloDefinition : ICollectionFixture<ApiSilo>
{
    public const string Name = "API silo";
}
