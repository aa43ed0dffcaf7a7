namespace PlugInnan.Scheduling;

/// <summary>Where Hangfire keeps the jobs, their schedules and their history.</summary>
public abstract record JobStore
{
    private JobStore()
    {
    }

    /// <summary>Hangfire's tables in schema <c>hangfire</c> of the shared PostgreSQL database: silos sharing it run each firing once between them.</summary>
    public sealed record PostgreSql(string ConnectionString) : JobStore;

    /// <summary>A SQLite file of Hangfire's own beside the embedded grain database (one silo).</summary>
    public sealed record Sqlite(string DatabasePath) : JobStore;

    /// <summary>The schema Hangfire's tables live in on PostgreSQL.</summary>
    public const string PostgreSqlSchema = "hangfire";
}
