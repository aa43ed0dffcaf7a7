using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using Grpc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PlugInnan.Grpc.InteropServer;
using PlugInnan.TestSupport;

namespace PlugInnan.Grpc.Tests;

public sealed class TlsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pluginnan-tls-").FullName;

    [Fact]
    public async Task With_a_certificate_the_endpoint_speaks_TLS_and_negotiates_h2_by_ALPN()
    {
        var certificate = Path.Combine(folder, "server.pfx");
        using var issued = SelfSigned();
        await File.WriteAllBytesAsync(certificate, issued.Export(X509ContentType.Pfx));
        await using var host = await GrpcTestHost.StartAsync(s => s.AddGrpcService<TestServiceImplementation>(), certificate);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == issued.Thumbprint, ApplicationProtocols = [new("h2")] },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"https://127.0.0.1:{host.Port}/grpc.testing.TestService/EmptyCall")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(RawGrpc.Frame(new Empty())),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");

        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("0", response.TrailingHeaders.GetValues("grpc-status").Single());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static X509Certificate2 SelfSigned()
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
