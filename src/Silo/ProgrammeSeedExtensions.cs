using PlugInnan.Silo.Programme;

namespace PlugInnan.Silo;

public static class ProgrammeSeedExtensions
{
    /// <summary>Seeds the programme's subprojects at start, without overwriting anything stored. Call after <c>AddSiloRuntime</c>.</summary>
    public static IHostApplicationBuilder AddProgrammeSeed(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProgrammeSeeder>();
        builder.Services.AddHostedService<ProgrammeSeeding>();
        return builder;
    }
}
