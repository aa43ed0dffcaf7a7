namespace PlugInnan.Runtime.Tests.Grains;

public interface IGuidKeyGrain : IGrainWithGuidKey
{
    Task<Guid> Key();
}

public sealed class GuidKeyGrain : Grain, IGuidKeyGrain
{
    public Task<Guid> Key() => Task.FromResult(this.GetPrimaryKey());
}

public interface IIntegerKeyGrain : IGrainWithIntegerKey
{
    Task<long> Key();
}

public sealed class IntegerKeyGrain : Grain, IIntegerKeyGrain
{
    public Task<long> Key() => Task.FromResult(this.GetPrimaryKeyLong());
}
