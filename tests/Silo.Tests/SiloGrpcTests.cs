using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Health.V1;
using Microsoft.Data.Sqlite;
using PlugInnan.TestSupport;

namespace PlugInnan.Silo.Tests;

/// <summary>The silo's gRPC endpoint on Grpc.AspNetCore: TLS, buf curl through reflection, health that follows the silo, and a taken port.</summary>
public sealed class SiloGrpcTests : IDisposable
{
    private const string Ready = "Plug Innan silo ready";
    private const string HealthCheck = "/grpc.health.v1.Health/Check";
    private readonly string folder = Directory.CreateTempSubdirectory("pluginnan-grpc-").FullName;

    [Fact]
    public async Task With_a_certificate_the_endpoint_speaks_TLS_with_ALPN_h2()
    {
        using var issued = SelfSigned();
        var certificate = Path.Combine(folder, "server.pfx");
        await File.WriteAllBytesAsync(certificate, issued.Export(X509ContentType.Pfx, "test-only"));
        await using var silo = SiloProcess.Start(folder, new Dictionary<string, string>
        {
            ["Grpc__Endpoint__CertificatePath"] = certificate,
            ["Grpc__Endpoint__CertificatePassword"] = "test-only",
        });
        await silo.WaitForOutputAsync(Ready);
        using var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == issued.Thumbprint },
        };

        var health = await new GrpcClient(new Uri($"https://127.0.0.1:{silo.GrpcPort}"), handler)
            .UnaryAsync<HealthCheckRequest, HealthCheckResponse>(HealthCheck, new HealthCheckRequest());

        Assert.Contains($"gRPC on 127.0.0.1:{silo.GrpcPort} (TLS, ALPN h2)", silo.Output, StringComparison.Ordinal);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Theory]
    [InlineData("grpc-v1")]
    [InlineData("grpc-v1alpha")]
    public async Task Buf_curl_lists_every_service_through_reflection(string reflectProtocol)
    {
        await using var silo = SiloProcess.Start(folder);
        await silo.WaitForOutputAsync(Ready);

        var output = await BufCurlAsync("--reflect-protocol", reflectProtocol, "--list-services", $"http://127.0.0.1:{silo.GrpcPort}");

        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection",
             "pluginnan.v1.FollowUpService", "pluginnan.v1.SchoolService", "pluginnan.v1.StudentService", "pluginnan.v1.SubprojectService"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Health_watch_says_SERVING_and_then_NOT_SERVING_while_the_silo_drains()
    {
        await using var silo = SiloProcess.Start(folder);
        await silo.WaitForOutputAsync(Ready);
        using var watch = await new GrpcClient(new Uri($"http://127.0.0.1:{silo.GrpcPort}"))
            .ServerStreamingAsync<HealthCheckRequest, HealthCheckResponse>("/grpc.health.v1.Health/Watch", new HealthCheckRequest());

        var first = await watch.ReadAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var stopping = silo.InterruptAsync();
        var next = await watch.ReadAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, first!.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, next!.Status);
        Assert.Equal(0, await stopping);
    }

    [Fact]
    public async Task With_CompressResponses_the_silo_gzips_responses_for_a_client_that_accepts_gzip()
    {
        await using var silo = SiloProcess.Start(folder, new Dictionary<string, string> { ["Grpc__Server__CompressResponses"] = "true" });
        await silo.WaitForOutputAsync(Ready);
        var request = RawGrpc.Frame(new HealthCheckRequest());

        var gzipped = await RawGrpc.CallAsync(silo.GrpcPort, HealthCheck, request, new Dictionary<string, string> { ["grpc-accept-encoding"] = "gzip" });
        var plain = await RawGrpc.CallAsync(silo.GrpcPort, HealthCheck, request, new Dictionary<string, string> { ["grpc-accept-encoding"] = "identity" });

        Assert.Equal(("gzip", 0), (gzipped.Headers.GetValueOrDefault("grpc-encoding"), gzipped.GrpcStatus));
        var (compressed, payload) = Assert.Single(gzipped.Frames);
        Assert.True(compressed);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, HealthCheckResponse.Parser.ParseFrom(RawGrpc.Gunzip(payload)).Status);
        Assert.False(Assert.Single(plain.Frames).Compressed);
    }

    [Fact]
    public async Task A_taken_port_ends_the_silo_with_one_line_naming_the_address_and_the_setting()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await using var silo = SiloProcess.Start(folder, new Dictionary<string, string> { ["Grpc__Endpoint__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(2, await silo.WaitForExitAsync());
        var line = Assert.Single(silo.Output.Split('\n'), l => l.StartsWith("Plug Innan silo not started:", StringComparison.Ordinal));
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("Grpc:Endpoint:Port", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", silo.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<string> BufCurlAsync(params string[] arguments)
    {
        var buf = Path.Combine(ExternalTool.RepositoryRoot(), "tests", "interop", "node_modules", ".bin", "buf");
        Assert.True(File.Exists(buf), "buf is missing: ./test.sh installs it (npm install in tests/interop).");
        var (exitCode, output, error) = await ExternalTool.RunAsync(buf, ["curl", "--protocol", "grpc", "--http2-prior-knowledge", .. arguments]);
        Assert.True(exitCode == 0, $"buf curl {string.Join(' ', arguments)} failed: {error}");
        return output;
    }

    internal static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
