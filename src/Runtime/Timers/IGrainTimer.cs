namespace PlugInnan.Runtime;

/// <summary>A timer owned by one activation. Disposing it, or deactivating the grain, stops it.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the next tick comes and the period after it.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
