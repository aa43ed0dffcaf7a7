namespace PlugInnan.Runtime;

/// <summary>
/// The call was rejected because the grain already has as many requests waiting as
/// <see cref="GrainRuntimeOptions.MaxQueuedRequests"/> allows. The caller may back off and retry.
/// </summary>
public sealed class GrainOverloadedException : Exception
{
    public GrainOverloadedException()
    {
    }

    public GrainOverloadedException(string message)
        : base(message)
    {
    }

    public GrainOverloadedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
