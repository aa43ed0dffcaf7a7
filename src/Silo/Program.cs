using PlugInnan.Api.Hosting;
using PlugInnan.Persistence;
using PlugInnan.Silo;
using PlugInnan.Silo.Settings;

try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = AppContext.BaseDirectory, // appsettings.json beside the binary; data paths stay relative to the working folder
    });

    builder.AddSiloRuntime();
    builder.AddProgrammeSeed();
    builder.AddFollowUpJobs();
    builder.AddGrpcEndpoint();
    builder.AddOperatorEndpoint();
    builder.AddStartupCheck();

    var app = builder.Build();
    app.MapPlugInnanGrpc();
    await app.PrepareStorageAsync();
    app.MapOperatorEndpoint(); // after the storage is ready: the dashboard opens Hangfire's storage
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupRefusal.Find(e) is { } reason)
{
    // A wrong setting or database is the operator's to fix: one line naming it, no stack trace.
    await Console.Error.WriteLineAsync($"Plug Innan silo not started: {reason}");
    return 2;
}
