namespace PlugInnan.Runtime.Bench;

public interface ICounterGrain : IGrainWithIntegerKey
{
    Task Increment();
}

/// <summary>The trivial grain call: the same work as <see cref="PlainCounter"/>.</summary>
[GrainType("bench-counter")]
public sealed class CounterGrain : Grain, ICounterGrain
{
    private int value;

    public Task Increment()
    {
        value++;
        return Task.CompletedTask;
    }
}

/// <summary>The ceiling: the same work on a plain object behind its own SemaphoreSlim.</summary>
public sealed class PlainCounter : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private int value;

    public async Task Increment()
    {
        await gate.WaitAsync();
        try
        {
            value++;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}

public interface IWriterGrain : IGrainWithIntegerKey
{
    Task Write(int value);
}

[GrainType("bench-writer")]
public sealed class WriterGrain([PersistentState("bench")] IPersistentState<WriterState> state) : Grain, IWriterGrain
{
    public Task Write(int value)
    {
        state.State.Value = value;
        state.State.Absences.Add(new AbsenceEntry(value, 40));
        if (state.State.Absences.Count > 20)
        {
            state.State.Absences.RemoveAt(0);
        }

        return state.WriteStateAsync();
    }
}

[GenerateSerializer, Alias("pluginnan.bench.writer")]
public sealed class WriterState
{
    [Id(0)]
    public int Value { get; set; }

    [Id(1)]
    public List<AbsenceEntry> Absences { get; set; } = [];
}

[GenerateSerializer, Alias("pluginnan.bench.absence")]
public sealed record AbsenceEntry([property: Id(0)] int Day, [property: Id(1)] int Minutes);
