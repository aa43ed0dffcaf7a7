namespace PlugInnan.Runtime;

/// <summary>The silo is not running (not started yet, or shutting down) and takes no new calls.</summary>
public sealed class SiloUnavailableException : Exception
{
    public SiloUnavailableException()
    {
    }

    public SiloUnavailableException(string message)
        : base(message)
    {
    }

    public SiloUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
