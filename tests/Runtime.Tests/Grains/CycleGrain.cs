namespace PlugInnan.Runtime.Tests.Grains;

public interface ICycleGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="next"/>, which calls back into this grain.</summary>
    Task CallThrough(string next, string back);

    Task Ping();
}

public sealed class CycleGrain : Grain, ICycleGrain
{
    public Task CallThrough(string next, string back) =>
        next.Length == 0
            ? GrainFactory.GetGrain<ICycleGrain>(back).Ping()
            : GrainFactory.GetGrain<ICycleGrain>(next).CallThrough("", back);

    public Task Ping() => Task.CompletedTask;
}
