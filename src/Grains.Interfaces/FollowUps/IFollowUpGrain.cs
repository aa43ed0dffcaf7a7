namespace PlugInnan.Grains;

/// <summary>
/// One school's follow-up tasks, keyed by the school unit code. Raising is idempotent by task id;
/// a task once closed (done or dismissed) is never raised again.
/// </summary>
public interface IFollowUpGrain : IGrainWithStringKey
{
    /// <summary>Adds the tasks whose ids are new; returns how many were added.</summary>
    Task<int> Raise(IReadOnlyList<FollowUpTask> tasks);

    /// <summary>Marks a task done; throws <see cref="RecordNotFoundException"/> for an unknown id.</summary>
    Task<FollowUpTask> Complete(string taskId, string by);

    /// <summary>Dismisses a task with a reason; throws <see cref="RecordNotFoundException"/> for an unknown id.</summary>
    Task<FollowUpTask> Dismiss(string taskId, string by, string reason);

    /// <summary>The tasks matching the filter, by due date then id.</summary>
    [ReadOnly]
    Task<IReadOnlyList<FollowUpTask>> List(FollowUpFilter filter);

    /// <summary>
    /// Tells <paramref name="observer"/> of every change from now on. A subscription lapses unless renewed
    /// within <see cref="FollowUpSubscription.Lifetime"/>, so a silo that died stops being told.
    /// </summary>
    [AlwaysInterleave]
    Task Subscribe(IFollowUpObserver observer);

    [AlwaysInterleave]
    Task Unsubscribe(IFollowUpObserver observer);
}

/// <summary>How long a follow-up subscription lasts without renewal, and how often watchers renew it.</summary>
public static class FollowUpSubscription
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(3);

    public static readonly TimeSpan Renewal = TimeSpan.FromMinutes(1);
}
