namespace PlugInnan.Grpc.InteropServer;

/// <summary>Builds the interop server, for its own command line and for tests that start it in-process.</summary>
public static class InteropServerHost
{
    public static WebApplication Build(int port, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.ListenForGrpc(new GrpcEndpointOptions { Address = "127.0.0.1", Port = port }));
        builder.Services.AddGrpcServer();
        builder.Services.AddGrpcService<TestServiceImplementation>();
        builder.Services.AddGrpcHealth(o => o.WatchInterval = TimeSpan.FromMilliseconds(50));
        builder.Services.AddGrpcReflection();
        var app = builder.Build();
        app.MapGrpcServices();
        return app;
    }
}
