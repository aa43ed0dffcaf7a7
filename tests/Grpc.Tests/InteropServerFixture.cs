using Microsoft.AspNetCore.Builder;
using PlugInnan.Grpc.InteropServer;
using PlugInnan.TestSupport;

namespace PlugInnan.Grpc.Tests;

/// <summary>The interop server, in-process on a free port, shared by a test class.</summary>
public sealed class InteropServerFixture : IAsyncLifetime
{
    private WebApplication? app;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        Port = PostgresServer.FreePort();
        app = InteropServerHost.Build(Port);
        await app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
