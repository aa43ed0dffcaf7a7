using PlugInnan.Grpc;
using PlugInnan.Silo;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory, // appsettings.json beside the binary; data paths stay relative to the working folder
});

builder.AddSiloRuntime();
builder.AddProgrammeSeed();
builder.AddFollowUpJobs();
builder.AddGrpcEndpoint();
builder.AddStartupCheck();

var app = builder.Build();
app.MapGrpcServices();
await app.RunAsync();
