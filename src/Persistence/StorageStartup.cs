using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PlugInnan.Persistence;

public static partial class StorageStartup
{
    /// <summary>
    /// Applies (or refuses) the schema before the host starts anything, so a database the silo must not
    /// run on stops it before Orleans or the endpoint start, with <see cref="SchemaRefusedException"/>.
    /// </summary>
    public static async Task PrepareStorageAsync(this IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var database = host.Services.GetRequiredService<StorageDatabase>();
        var version = await database.EnsureSchemaAsync();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PlugInnan.Persistence");
        LogStorage(logger, database.Location, version);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain storage: {Location}, schema version {Version}")]
    private static partial void LogStorage(ILogger logger, string location, int version);
}
