using System.ComponentModel.DataAnnotations;

namespace PlugInnan.Persistence;

public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Configuration section <c>Silo:Storage</c>.</summary>
public sealed class StorageSettings
{
    public const string Section = "Silo:Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite: <c>Data Source=data/pluginnan.db</c> (relative to the working folder). PostgreSQL: an Npgsql connection string.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/pluginnan.db";
}
