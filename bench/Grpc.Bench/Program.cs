using System.Globalization;
using Google.Protobuf;
using Grpc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using PlugInnan.Grpc;
using PlugInnan.Grpc.Bench;
using PlugInnan.Grpc.InteropServer;

// Usage: PlugInnan.Grpc.Bench --mode grpc|kestrel --port N
// Serves grpc.testing.TestService/UnaryCall either through the project's gRPC layer or as fixed bytes
// from bare Kestrel (the ceiling), and prints "served N" (calls answered with status 0) when stopped.
var mode = Argument("--mode") ?? "grpc";
var port = int.Parse(Argument("--port") ?? "50060", CultureInfo.InvariantCulture);
var counter = new ServedCounter();

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(k => k.ListenForGrpc(new GrpcEndpointOptions { Port = port }));
builder.Services.AddSingleton(counter);
if (mode == "grpc")
{
    builder.Services.AddGrpcServer();
    builder.Services.AddGrpcService<TestServiceImplementation>();
    builder.Services.AddSingleton<IServerInterceptor, CountingInterceptor>();
}

var app = builder.Build();
if (mode == "grpc")
{
    app.MapGrpcServices();
}
else
{
    // What the gRPC layer answers to the benchmark's request, sent as plain bytes: 100 zero bytes of payload.
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
