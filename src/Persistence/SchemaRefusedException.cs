namespace PlugInnan.Persistence;

/// <summary>The database's schema is one this silo must not run on (an earlier layout, or a newer version); the message says why and what to do.</summary>
public sealed class SchemaRefusedException(string message) : Exception(message);
