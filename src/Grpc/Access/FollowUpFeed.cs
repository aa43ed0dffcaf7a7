using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using PlugInnan.Grains;

namespace PlugInnan.Api.Access;

/// <summary>
/// Hands the follow-up grains' changes to the clients on this silo watching each school (WatchFollowUps).
/// The feed is one Orleans grain observer per silo: it subscribes to the follow-up grain of every school
/// that has a watcher here, wherever in the cluster that grain lives, and renews the subscriptions so they
/// survive the grain moving to another silo. A slow watcher loses its oldest pending changes rather than
/// holding up the grain; it can list to catch up.
/// </summary>
public sealed partial class FollowUpFeed(IGrainFactory grains, ILogger<FollowUpFeed> logger) : IFollowUpObserver, IHostedService, IDisposable
{
    private const int PendingPerWatcher = 1000;
    private readonly Lock gate = new();
    private readonly Dictionary<string, HashSet<Channel<FollowUpTask>>> watchers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private IFollowUpObserver? reference;
    private Task? renewal;

    public Task Changed(FollowUpTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (gate)
        {
            if (watchers.TryGetValue(task.SchoolUnitCode, out var channels))
            {
                foreach (var channel in channels)
                {
                    channel.Writer.TryWrite(task);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The changes at a school from now on, until the subscription is disposed.</summary>
    public async Task<Subscription> WatchAsync(string schoolUnitCode)
    {
        var channel = Channel.CreateBounded<FollowUpTask>(new BoundedChannelOptions(PendingPerWatcher) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (gate)
        {
            if (!watchers.TryGetValue(schoolUnitCode, out var channels))
            {
                watchers[schoolUnitCode] = channels = [];
            }

            channels.Add(channel);
        }

        // Subscribing again is harmless (the grain keeps one entry per observer), and it means the watch is
        // set up in the grain before the client is told so.
        await grains.GetGrain<IFollowUpGrain>(schoolUnitCode).Subscribe(Reference());
        return new Subscription(channel.Reader, () => Leave(schoolUnitCode, channel));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        renewal = RenewAsync(stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (renewal is not null)
        {
            await renewal.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose()
    {
        stopping.Dispose();
        if (reference is not null)
        {
            grains.DeleteObjectReference<IFollowUpObserver>(reference);
        }
    }

    private IFollowUpObserver Reference()
    {
        lock (gate)
        {
            return reference ??= grains.CreateObjectReference<IFollowUpObserver>(this);
        }
    }

    private void Leave(string schoolUnitCode, Channel<FollowUpTask> channel)
    {
        bool last;
        lock (gate)
        {
            var channels = watchers[schoolUnitCode];
            channels.Remove(channel);
            last = channels.Count == 0;
            if (last)
            {
                watchers.Remove(schoolUnitCode);
            }
        }

        channel.Writer.TryComplete();
        if (last && reference is not null)
        {
            _ = UnsubscribeAsync(schoolUnitCode, reference);
        }
    }

    private async Task UnsubscribeAsync(string schoolUnitCode, IFollowUpObserver observer)
    {
        try
        {
            await grains.GetGrain<IFollowUpGrain>(schoolUnitCode).Unsubscribe(observer);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The subscription lapses on its own within its lifetime.
            LogUnsubscribeFailed(logger, ex, schoolUnitCode);
        }
    }

    /// <summary>Renews every school's subscription well within its lifetime, and re-subscribes after the grain moved.</summary>
    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(FollowUpSubscription.Renewal);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                string[] schools;
                lock (gate)
                {
                    schools = [.. watchers.Keys];
                }

                foreach (var school in schools)
                {
                    try
                    {
                        await grains.GetGrain<IFollowUpGrain>(school).Subscribe(Reference()).WaitAsync(cancellationToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                    {
                        LogRenewalFailed(logger, ex, school);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the follow-up watch of school unit {SchoolUnitCode}; trying again at the next renewal.")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, string schoolUnitCode);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not end the follow-up watch of school unit {SchoolUnitCode}; it lapses on its own.")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception, string schoolUnitCode);

    public sealed class Subscription(ChannelReader<FollowUpTask> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<FollowUpTask> Changes => reader;

        public void Dispose() => unsubscribe();
    }
}
