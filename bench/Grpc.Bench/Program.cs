using System.Globalization;
using System.Net;
using Google.Protobuf;
using Grpc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using PlugInnan.Grpc.Bench;

// Usage: PlugInnan.Grpc.Bench --mode grpc|kestrel --port N
// Serves grpc.testing.TestService/UnaryCall either on Grpc.AspNetCore or as fixed bytes from bare
// Kestrel (the ceiling), and prints "served N" (calls answered with status 0) when stopped.
var mode = Argument("--mode") ?? "grpc";
var port = int.Parse(Argument("--port") ?? "50060", CultureInfo.InvariantCulture);
var counter = new ServedCounter();

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
builder.Services.AddSingleton(counter);
if (mode == "grpc")
{
    builder.Services.AddGrpc(o => o.Interceptors.Add<CountingInterceptor>());
}

var app = builder.Build();
if (mode == "grpc")
{
    app.MapGrpcService<UnaryTestService>();
}
else
{
    // What the gRPC server answers to the benchmark's request, sent as plain bytes: 100 zero bytes of payload.
    var body = new SimpleResponse { Payload = new Payload { Body = ByteString.CopyFrom(new byte[100]) } }.ToByteArray();
    var frame = new byte[5 + body.Length];
    System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)body.Length);
    body.CopyTo(frame, 5);
    app.MapPost("/grpc.testing.TestService/UnaryCall", async context =>
    {
        await context.Request.Body.CopyToAsync(Stream.Null);
        context.Response.ContentType = "application/grpc";
        await context.Response.Body.WriteAsync(frame);
        context.Response.AppendTrailer("grpc-status", "0");
        counter.Add();
    });
}

app.Lifetime.ApplicationStopping.Register(() => Console.WriteLine($"served {counter.Count}"));
await app.StartAsync();
Console.WriteLine($"{mode} server on 127.0.0.1:{port}");
await app.WaitForShutdownAsync();

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
