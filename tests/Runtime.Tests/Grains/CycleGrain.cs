namespace PlugInnan.Runtime.Tests.Grains;

public interface ICycleGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="via"/>, which calls back into <paramref name="back"/>.</summary>
    Task CallThrough(string via, string back);

    Task Ping();
}

public sealed class CycleGrain : Grain, ICycleGrain
{
    public Task CallThrough(string via, string back) =>
        via.Length == 0
            ? GrainFactory.GetGrain<ICycleGrain>(back).Ping()
            : GrainFactory.GetGrain<ICycleGrain>(via).CallThrough("", back);

    public Task Ping() => Task.CompletedTask;
}
