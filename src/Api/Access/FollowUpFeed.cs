using System.Collections.Concurrent;
using System.Threading.Channels;
using PlugInnan.Grains;

namespace PlugInnan.Api.Access;

/// <summary>
/// Hands the follow-up grains' changes to the clients watching each school (WatchFollowUps). A slow
/// watcher loses its oldest pending changes rather than holding up the grain; it can list to catch up.
/// </summary>
public sealed class FollowUpFeed : IFollowUpEvents
{
    private const int PendingPerWatcher = 1000;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<FollowUpTask>, byte>> watchers = new(StringComparer.Ordinal);

    public void Changed(FollowUpTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (watchers.TryGetValue(task.SchoolUnitCode, out var channels))
        {
            foreach (var channel in channels.Keys)
            {
                channel.Writer.TryWrite(task);
            }
        }
    }

    /// <summary>The changes at a school from now on, until the subscription is disposed.</summary>
    public Subscription Watch(string schoolUnitCode)
    {
        var channel = Channel.CreateBounded<FollowUpTask>(new BoundedChannelOptions(PendingPerWatcher) { FullMode = BoundedChannelFullMode.DropOldest });
        var channels = watchers.GetOrAdd(schoolUnitCode, _ => new());
        channels.TryAdd(channel, 0);
        return new Subscription(channel.Reader, () => channels.TryRemove(channel, out _));
    }

    public sealed class Subscription(ChannelReader<FollowUpTask> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<FollowUpTask> Changes => reader;

        public void Dispose() => unsubscribe();
    }
}
