using System.Globalization;
using PlugInnan.Grpc.InteropServer;

// Usage: PlugInnan.Grpc.InteropServer [--port N]   (default 50052; gRPC interop servers take --port)
var index = Array.FindIndex(args, a => a is "--port" or "-port");
var port = index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : 50052;
var app = InteropServerHost.Build(port);
await app.StartAsync();
Console.WriteLine($"grpc.testing.TestService listening on 127.0.0.1:{port} (h2c)");
await app.WaitForShutdownAsync();
