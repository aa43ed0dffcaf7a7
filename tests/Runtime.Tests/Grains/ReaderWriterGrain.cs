namespace PlugInnan.Runtime.Tests.Grains;

public interface IReaderWriterGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task Read(TimeSpan hold);

    Task Write(TimeSpan hold);

    [ReadOnly]
    Task<ReaderWriterReport> Report();
}

public sealed record ReaderWriterReport(int MaxReadersTogether, int WritesBesideOthers);

public sealed class ReaderWriterGrain : Grain, IReaderWriterGrain
{
    private readonly TurnProbe readers = new();
    private int writers;
    private int writesBesideOthers;

    public async Task Read(TimeSpan hold)
    {
        using var turn = readers.Enter();
        if (Volatile.Read(ref writers) != 0)
        {
            Interlocked.Increment(ref writesBesideOthers);
        }

        await Task.Delay(hold);
    }

    public async Task Write(TimeSpan hold)
    {
        if (Interlocked.Increment(ref writers) != 1 || readers.Current != 0)
        {
            Interlocked.Increment(ref writesBesideOthers);
        }

        await Task.Delay(hold);
        Interlocked.Decrement(ref writers);
    }

    public Task<ReaderWriterReport> Report() =>
        Task.FromResult(new ReaderWriterReport(readers.MaxConcurrent, Volatile.Read(ref writesBesideOthers)));
}
