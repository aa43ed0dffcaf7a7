using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlugInnan.Grains;
using PlugInnan.TestSupport;
using PlugInnan.Web.Access;

namespace PlugInnan.Web.Bench;

/// <summary>
/// The web pages as the silo serves them (<see cref="WebServiceCollectionExtensions"/> on Kestrel,
/// HTTP/1.1 on loopback), over the grains of a silo in this process, with one process leader who
/// has every subproject. A first middleware records each request's server time: from the request
/// reaching the pipeline to the last byte of the page written.
/// </summary>
internal sealed class PageHost(WebApplication app, int port, List<(string Path, double Milliseconds)> served) : IAsyncDisposable
{
    public const string Account = "bench-leader";
    public const string Key = "bench-leader-key-of-at-least-32-characters";

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}");

    public static async Task<PageHost> StartAsync(IGrainFactory grains, SchoolClock clock, string keyFolder)
    {
        var port = LoopbackPorts.Free();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddSingleton(grains).AddSingleton(clock);
        var settings = new WebSettings { Accounts = [new WebAccount { Name = Account, KeySha256 = KeyHashes.Of(Key), Role = WebRole.ProcessLeader, Subprojects = ["*"] }] };
        builder.Services.AddPlugInnanWeb(settings, keyFolder, certificate: null);
        var app = builder.Build();
        var served = new List<(string Path, double Milliseconds)>();
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            await next(context);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (served)
            {
                served.Add((context.Request.Path.Value ?? "", elapsed));
            }
        });
        app.MapPlugInnanWeb($"*:{port}");
        await app.StartAsync();
        return new PageHost(app, port, served);
    }

    /// <summary>The server time of the last request to <paramref name="path"/>.</summary>
    public double LastServerTime(string path)
    {
        lock (served)
        {
            return served.Last(s => s.Path == path).Milliseconds;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
