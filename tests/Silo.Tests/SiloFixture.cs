using Microsoft.Data.Sqlite;
using PlugInnan.TestSupport;

namespace PlugInnan.Silo.Tests;

/// <summary>One real silo process (SQLite in a temporary folder) shared by a test class.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("pluginnan-silo-").FullName;
    private SiloProcess? silo;

    public int GrpcPort => silo!.GrpcPort;

    public string Output => silo!.Output;

    public async Task InitializeAsync()
    {
        silo = SiloProcess.Start(folder);
        await silo.WaitForOutputAsync("Plug Innan silo ready");
    }

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
