using PlugInnan.Silo;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory, // appsettings.json beside the binary; data paths stay relative to the working folder
});

builder.AddSiloRuntime();
builder.AddStartupCheck();

await builder.Build().RunAsync();
