using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Orleans.Hosting;
using Orleans.Runtime;
using Grpc.Core;
using PlugInnan.TestSupport;

namespace PlugInnan.Api.Tests;

/// <summary>
/// Two real silo processes forming one Orleans cluster on one real PostgreSQL database, each with its
/// own gRPC port, sharing the pseudonymisation key as a deployment must. Failure detection is set short
/// (Silo:Cluster:Membership) so a killed silo is found dead in seconds rather than a minute. The silos
/// talk TLS with a cluster certificate made for the run, as a deployment across machines must.
/// </summary>
public sealed class ApiCluster : IAsyncDisposable
{
    public const string ServiceId = "cluster-test";
    private readonly string root = Directory.CreateTempSubdirectory("pluginnan-cluster-").FullName;
    private readonly SiloProcess?[] silos = new SiloProcess?[2];
    private readonly GrpcClient?[] clients = new GrpcClient?[2];
    private readonly IReadOnlyDictionary<string, string> settings;
    private PostgresServer? server;

    private ApiCluster(IReadOnlyDictionary<string, string> settings)
    {
        this.settings = settings;
        Certificate = NewCertificate("pluginnan-cluster-test");
        File.WriteAllBytes(CertificatePath, Certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }

    /// <summary>The cluster's certificate, with its key: what an operator's tool needs to reach the gateway.</summary>
    public X509Certificate2 Certificate { get; }

    private string CertificatePath => Path.Combine(root, "cluster.pfx");

    private static string CertificatePassword => "test-only";

    public string ConnectionString { get; private set; } = "";

    public string ClusterId { get; } = "cluster-" + Guid.NewGuid().ToString("N")[..8];

    public SiloProcess Silo(int index) => silos[index] ?? throw new InvalidOperationException($"Silo {index} is not running.");

    /// <param name="settings">More settings for both silos, as environment variables.</param>
    public static async Task<ApiCluster> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var cluster = new ApiCluster(settings ?? new Dictionary<string, string>());
        cluster.server = await PostgresServer.StartAsync();
        cluster.ConnectionString = await cluster.server.CreateDatabaseAsync("cluster");
        await cluster.StartSiloAsync(0);
        await cluster.StartSiloAsync(1);
        return cluster;
    }

    public async Task StartSiloAsync(int index)
    {
        var folder = Path.Combine(root, $"silo-{index}");
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string>
        {
            ["Silo__Storage__Provider"] = "PostgreSql",
            ["Silo__Storage__ConnectionString"] = ConnectionString,
            ["Silo__ServiceId"] = ServiceId,
            ["Silo__ClusterId"] = ClusterId,
            ["Silo__Scheduling__Enabled"] = "false",
            ["Silo__Runtime__ResponseTimeout"] = "00:00:10",
            ["Silo__Cluster__Membership__ProbeTimeout"] = "00:00:01",
            ["Silo__Cluster__Membership__NumMissedProbesLimit"] = "2",
            ["Silo__Cluster__Membership__NumVotesForDeathDeclaration"] = "1",
            ["Silo__Cluster__Membership__TableRefreshTimeout"] = "00:00:02",
            ["Silo__Cluster__Membership__IAmAliveTablePublishTimeout"] = "00:00:05",
            ["Api__PseudonymKeyFile"] = Path.Combine(root, "pseudonym.key"),
            ["Silo__Cluster__CertificatePath"] = CertificatePath,
            ["Silo__Cluster__CertificatePassword"] = CertificatePassword,
        };
        ApiSilo.AddClients(environment);
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        var silo = SiloProcess.Start(folder, environment);
        silos[index] = silo;
        await silo.WaitForOutputAsync("Plug Innan silo ready", seconds: 90);
        clients[index] = new GrpcClient(new Uri($"http://127.0.0.1:{silo.GrpcPort.ToString(CultureInfo.InvariantCulture)}"));
    }

    /// <summary>The last lines silo <paramref name="index"/> wrote, or a word that it is not running.</summary>
    public string OutputTail(int index, int lines) =>
        silos[index] is { } silo ? string.Join('\n', silo.Output.Split('\n').TakeLast(lines)) : "(not running)";

    /// <summary>SIGKILL, as `kill -9` does: no deactivation, no goodbye to the cluster.</summary>
    public async Task KillAsync(int index)
    {
        await Silo(index).DisposeAsync();
        silos[index] = null;
        clients[index] = null;
    }

    public Task<TResponse> CallAsync<TRequest, TResponse>(int silo, string key, string method, TRequest request)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        (clients[silo] ?? throw new InvalidOperationException($"Silo {silo} is not running."))
            .UnaryAsync<TRequest, TResponse>(method, request, ApiSilo.With(key));

    public Task<GrpcCallHandle<TRequest, TResponse>> WatchAsync<TRequest, TResponse>(int silo, string key, string method, TRequest request)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        (clients[silo] ?? throw new InvalidOperationException($"Silo {silo} is not running."))
            .ServerStreamingAsync<TRequest, TResponse>(method, request, ApiSilo.With(key));

    /// <summary>
    /// Student activations per silo, from Orleans' management grain through an Orleans client on the
    /// silos' gateways (found through the membership table): what an operator's tool would see.
    /// </summary>
    public async Task<Dictionary<SiloAddress, int>> StudentActivationsAsync()
    {
        var statistics = await WithManagementAsync(Certificate, m => m.GetSimpleGrainStatistics());
        return statistics
            .Where(s => s.GrainType.Contains("StudentGrain", StringComparison.Ordinal))
            .GroupBy(s => s.SiloAddress)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
    }

    public async Task<SiloAddress[]> ActiveSilosAsync()
    {
        var hosts = await WithManagementAsync(Certificate, m => m.GetHosts(onlyActive: true));
        return [.. hosts.Keys];
    }

    /// <summary>A self-signed certificate for server and client authentication.</summary>
    public static X509Certificate2 NewCertificate(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in silos.OfType<SiloProcess>())
        {
            await silo.DisposeAsync();
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Directory.Delete(root, recursive: true);
    }

    /// <summary>An Orleans client presenting <paramref name="certificate"/>, of its own each time, so it reads the gateways as they are now.</summary>
    public async Task<T> WithManagementAsync<T>(X509Certificate2 certificate, Func<IManagementGrain, Task<T>> call, TimeSpan? connectWithin = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (ServiceId, ClusterId))
            .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", ConnectionString))
            .UseTls(certificate, o =>
            {
                o.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
                o.RemoteCertificateValidation = (remote, _, _) => remote?.Thumbprint == Certificate.Thumbprint;
            }));
        using var host = builder.Build();
        using var connecting = new CancellationTokenSource(connectWithin ?? TimeSpan.FromSeconds(60));
        await host.StartAsync(connecting.Token);
        try
        {
            return await call(host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0));
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
