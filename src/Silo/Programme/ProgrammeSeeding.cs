namespace PlugInnan.Silo.Programme;

/// <summary>Runs the programme seed once the grain runtime has started.</summary>
internal sealed partial class ProgrammeSeeding(ProgrammeSeeder seeder, ILogger<ProgrammeSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var file = ProgrammeFile.Load();
        var (inFile, added) = await seeder.SeedAsync(file).WaitAsync(cancellationToken);
        LogSeeded(logger, file.Programme.Name, inFile, added);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Programme {Programme}: {InFile} subprojects in the data file, {Added} new ones seeded.")]
    private static partial void LogSeeded(ILogger logger, string programme, int inFile, int added);
}
