using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using PlugInnan.TestSupport;

namespace PlugInnan.Silo.Tests;

/// <summary>
/// The operators' endpoint off loopback: TLS with the configured certificate, the dashboard only for a
/// configured account (HTTP Basic, the browser asked for it), health open to load balancers.
/// </summary>
public sealed class OperatorEndpointTests : IDisposable
{
    private const string OperatorKey = "an-operator-key-of-at-least-32-characters";
    private readonly string folder = Directory.CreateTempSubdirectory("pluginnan-operator-").FullName;

    [Fact]
    public async Task Off_loopback_the_endpoint_speaks_TLS_and_the_dashboard_needs_an_account_while_health_stays_open()
    {
        using var issued = SiloGrpcTests.SelfSigned();
        await using var silo = await StartOffLoopbackAsync(issued, new()
        {
            ["Web__Accounts__0__KeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("a-web-key-of-our-own-of-32-characters"))),
        });
        await silo.WaitForOutputAsync("Plug Innan silo ready");
        using var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == issued.Thumbprint },
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{silo.OperatorPort}") };

        using var anonymous = await http.GetAsync(new Uri("/hangfire", UriKind.Relative));
        using var wrong = await GetAsync(http, "/hangfire", "drift", "not-the-key");
        using var right = await GetAsync(http, "/hangfire", "drift", OperatorKey);
        using var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme); // a browser asks for the account
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Plug Innan", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (live.StatusCode, ready.StatusCode));
    }

    [Fact]
    public async Task Off_loopback_the_shipped_development_web_account_is_refused()
    {
        using var issued = SiloGrpcTests.SelfSigned();
        await using var silo = await StartOffLoopbackAsync(issued, []); // the shipped web account left as it is

        Assert.Equal(2, await silo.WaitForExitAsync());
        Assert.Contains("Plug Innan silo not started: Web:Accounts has an account with the published development key", silo.Output, StringComparison.Ordinal);
    }

    /// <summary>A silo whose operators' endpoint is on 0.0.0.0 with <paramref name="issued"/> and one operator account, plus <paramref name="more"/> settings.</summary>
    private async Task<SiloProcess> StartOffLoopbackAsync(X509Certificate2 issued, Dictionary<string, string> more)
    {
        var certificate = Path.Combine(folder, "operator.pfx");
        await File.WriteAllBytesAsync(certificate, issued.Export(X509ContentType.Pfx, "test-only"));
        var environment = new Dictionary<string, string>(more)
        {
            ["Silo__Operator__Address"] = "0.0.0.0",
            ["Silo__Operator__CertificatePath"] = certificate,
            ["Silo__Operator__CertificatePassword"] = "test-only",
            ["Silo__Operator__Accounts__0__Name"] = "drift",
            ["Silo__Operator__Accounts__0__KeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(OperatorKey))),
        };
        return SiloProcess.Start(folder, environment);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string name, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{key}")));
        return http.SendAsync(request);
    }
}
