namespace PlugInnan.Runtime;

/// <summary>How a grain timer ticks. Ticks never overlap: the next is due a period after one finishes.</summary>
public readonly record struct GrainTimerCreationOptions
{
    public GrainTimerCreationOptions(TimeSpan dueTime, TimeSpan period)
    {
        DueTime = dueTime;
        Period = period;
    }

    /// <summary>Time to the first tick.</summary>
    public TimeSpan DueTime { get; init; }

    /// <summary>Time from the end of one tick to the next; <see cref="Timeout.InfiniteTimeSpan"/> for one tick only.</summary>
    public TimeSpan Period { get; init; }

    /// <summary>Whether ticks may interleave with the grain's requests (as an <c>[AlwaysInterleave]</c> call).</summary>
    public bool Interleave { get; init; }

    /// <summary>Whether a tick counts as activity, keeping the grain from idle collection.</summary>
    public bool KeepAlive { get; init; }
}
