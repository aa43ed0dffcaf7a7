namespace PlugInnan.Runtime.Tests.Grains;

/// <summary>Counts turns in flight inside a grain and remembers the most seen at once.</summary>
public sealed class TurnProbe
{
    private int current;
    private int max;

    public int MaxConcurrent => Volatile.Read(ref max);

    public int Current => Volatile.Read(ref current);

    public Turn Enter()
    {
        var now = Interlocked.Increment(ref current);
        int seen;
        while (now > (seen = Volatile.Read(ref max)) && Interlocked.CompareExchange(ref max, now, seen) != seen)
        {
        }

        return new Turn(this);
    }

    public readonly struct Turn(TurnProbe probe) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref probe.current);
    }
}
