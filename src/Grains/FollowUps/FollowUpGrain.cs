using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using PlugInnan.Grains.Rules;

namespace PlugInnan.Grains.FollowUps;

/// <summary>A school's follow-up tasks: raised by the scheduled rules, closed by staff through the API.</summary>
[GrainType("follow-up")]
public sealed class FollowUpGrain(
    [PersistentState("follow-up")] IPersistentState<FollowUpState> state,
    SchoolClock time,
    ILogger<FollowUpGrain> logger) : Grain, IFollowUpGrain
{
    private const int MaxTextLength = 500;

    // In memory only: watchers' silos renew their subscriptions, so they come back after a move.
    private readonly ObserverManager<IFollowUpObserver> observers = new(FollowUpSubscription.Lifetime, logger);

    public async Task<int> Raise(IReadOnlyList<FollowUpTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var added = tasks.Where(t => state.State.Tasks.TryAdd(t.Id, t)).ToList();
        if (added.Count > 0)
        {
            await state.WriteOrRestoreAsync(DeactivateOnIdle);
            Publish(added);
        }

        return added.Count;
    }

    public Task<FollowUpTask> Complete(string taskId, string by) => CloseAsync(taskId, by, FollowUpStatus.Done, null);

    public Task<FollowUpTask> Dismiss(string taskId, string by, string reason)
    {
        RecordCheck.Text(reason, "reason", MaxTextLength);
        return CloseAsync(taskId, by, FollowUpStatus.Dismissed, reason);
    }

    public Task<IReadOnlyList<FollowUpTask>> List(FollowUpFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Task.FromResult<IReadOnlyList<FollowUpTask>>([.. state.State.Tasks.Values
            .Where(t => filter.Role is null || t.Role == filter.Role)
            .Where(t => filter.Status is null || t.Status == filter.Status)
            .Where(t => filter.DueBefore is null || t.Due < filter.DueBefore)
            .OrderBy(t => t.Due)
            .ThenBy(t => t.Id, StringComparer.Ordinal)]);
    }

    private async Task<FollowUpTask> CloseAsync(string taskId, string by, FollowUpStatus status, string? reason)
    {
        RecordCheck.Text(by, "by", MaxTextLength);
        var task = state.State.Tasks.GetValueOrDefault(taskId) ?? throw new RecordNotFoundException("task_id", $"The school has no follow-up task {taskId}.");
        if (task.Status != FollowUpStatus.Open)
        {
            return task; // closing again changes nothing: the first close stands
        }

        var closed = task with { Status = status, Closed = time.GetUtcNow(), ClosedBy = by, DismissReason = reason };
        state.State.Tasks[taskId] = closed;
        await state.WriteOrRestoreAsync(DeactivateOnIdle);
        Publish([closed]);
        return closed;
    }

    public Task Subscribe(IFollowUpObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IFollowUpObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private void Publish(IEnumerable<FollowUpTask> tasks)
    {
        foreach (var task in tasks)
        {
            observers.Notify(o => o.Changed(task));
        }
    }
}
