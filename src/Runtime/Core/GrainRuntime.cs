using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PlugInnan.Runtime.Core;

/// <summary>
/// The silo's grain runtime: the catalog of activations (one per grain identity), call dispatch,
/// idle collection and shutdown. Hands out references as <see cref="IGrainFactory"/>.
/// </summary>
internal sealed class GrainRuntime : IGrainFactory, IDisposable
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> catalog = new();
    private readonly GrainClassRegistry registry;
    private ITimer? collector;
    private long collectionTicket;
    private volatile bool stopping;

    public GrainRuntime(
        GrainClassRegistry registry,
        IServiceProvider services,
        IOptions<GrainRuntimeOptions> options,
        TimeProvider timeProvider,
        IMeterFactory meterFactory,
        ILogger<GrainRuntime> logger)
    {
        this.registry = registry;
        Services = services;
        Options = options.Value;
        TimeProvider = timeProvider;
        Logger = logger;
        Metrics = new RuntimeMetrics(meterFactory, () => catalog.Count, () => catalog.Values.Sum(a => (long)a.QueueLength));
    }

    public IServiceProvider Services { get; }

    public GrainRuntimeOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public RuntimeMetrics Metrics { get; }

    /// <summary>Advances once per collection quantum; activations remember the ticket of their last call.</summary>
    public long CollectionTicket => Volatile.Read(ref collectionTicket);

    public int ActivationCount => catalog.Count;

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(primaryKey);
        return CreateReference<TGrainInterface>(primaryKey);
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey)
        where TGrainInterface : IGrainWithGuidKey =>
        CreateReference<TGrainInterface>(primaryKey.ToString("N"));

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey)
        where TGrainInterface : IGrainWithIntegerKey =>
        CreateReference<TGrainInterface>(primaryKey.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Start()
    {
        var quantum = Options.CollectionQuantum < Options.CollectionAge ? Options.CollectionQuantum : Options.CollectionAge;
        collector = TimeProvider.CreateTimer(static s => ((GrainRuntime)s!).CollectIdle(), this, quantum, quantum);
    }

    /// <summary>
    /// Graceful shutdown: refuses calls from outside grains, lets queued and running requests finish,
    /// then deactivates every activation.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        collector?.Dispose();
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is shutting down.");
        while (!catalog.IsEmpty)
        {
            var activations = catalog.Values.ToArray();
            foreach (var activation in activations)
            {
                activation.RequestDeactivation(reason);
            }

            await Task.WhenAll(activations.Select(a => a.Deactivated)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => collector?.Dispose();

    /// <summary>The activation for a reference, reusing the one it last reached while that is still valid.</summary>
    public GrainActivation GetActivation(GrainProxy target)
    {
        ThrowIfStoppingForOutsideCaller();
        var cached = target.CachedActivation;
        if (cached is { IsValid: true })
        {
            return cached;
        }

        var activation = GetOrCreateActivation(target.Id, target.GrainClass);
        target.CachedActivation = activation;
        return activation;
    }

    /// <summary>Queues a call, moving to a fresh activation when the one it found has just gone.</summary>
    public void Dispatch(GrainActivation activation, GrainId id, GrainClassInfo grainClass, GrainCall call)
    {
        try
        {
            while (true)
            {
                switch (activation.Enqueue(call))
                {
                    case EnqueueResult.Accepted:
                        return;
                    case EnqueueResult.Overloaded:
                        Metrics.CallRejected();
                        call.Fail(new GrainOverloadedException(
                            $"Grain {id} already has {Options.MaxQueuedRequests} requests waiting; the call was rejected. Retry later."));
                        return;
                    default:
                        activation = GetOrCreateActivation(id, grainClass);
                        break;
                }
            }
        }
        catch (Exception e)
        {
            call.Fail(e);
        }
    }

    /// <summary>A call that waited on an activation which then deactivated goes to the grain's next activation.</summary>
    public void Forward(GrainCall call, GrainId id, GrainClassInfo grainClass)
    {
        if (!call.CanForward || call.IsAbandoned)
        {
            call.Fail(new InvalidOperationException($"{id} deactivated before the request ran."));
            return;
        }

        try
        {
            Dispatch(GetOrCreateActivation(id, grainClass), id, grainClass, call);
        }
        catch (Exception e)
        {
            call.Fail(e);
        }
    }

    public void OnActivationFailed(GrainActivation activation, Exception error)
    {
        catalog.TryRemove(KeyValuePair.Create(activation.Id, activation));
        Metrics.ActivationFailed();
        RuntimeLog.ActivationFailed(Logger, error, activation.Id);
    }

    public void OnDeactivated(GrainActivation activation) =>
        catalog.TryRemove(KeyValuePair.Create(activation.Id, activation));

    private TGrainInterface CreateReference<TGrainInterface>(string key)
    {
        var (grainClass, grainInterface) = registry.Resolve(typeof(TGrainInterface));
        return GrainProxy.Create<TGrainInterface>(this, new GrainId(grainClass.GrainTypeName, key), grainClass, grainInterface);
    }

    private GrainActivation GetOrCreateActivation(GrainId id, GrainClassInfo grainClass)
    {
        while (true)
        {
            if (catalog.TryGetValue(id, out var existing))
            {
                if (existing.Status != ActivationStatus.Invalid)
                {
                    return existing;
                }

                catalog.TryRemove(KeyValuePair.Create(id, existing));
                continue;
            }

            if (stopping)
            {
                throw new SiloUnavailableException($"The silo is shutting down; {id} cannot be activated.");
            }

            var created = new GrainActivation(this, id, grainClass);
            if (catalog.TryAdd(id, created))
            {
                created.EnsureStarted();
                return created;
            }
        }
    }

    private void ThrowIfStoppingForOutsideCaller()
    {
        if (stopping && !ActivationSynchronizationContext.IsInsideGrain)
        {
            throw new SiloUnavailableException("The silo is shutting down and takes no new calls.");
        }
    }

    private void CollectIdle()
    {
        var ticket = Interlocked.Increment(ref collectionTicket);
        var quantum = Options.CollectionQuantum < Options.CollectionAge ? Options.CollectionQuantum : Options.CollectionAge;
        var ageInTickets = (long)Math.Ceiling(Options.CollectionAge / quantum);
        foreach (var activation in catalog.Values)
        {
            activation.CollectIfIdle(ticket, ageInTickets);
        }
    }
}
