using System.Collections.Concurrent;

namespace PlugInnan.Runtime.Tests.Grains;

public sealed class GradeRuleException(string message) : Exception(message);

public interface IFailingGrain : IGrainWithStringKey
{
    Task<int> ThrowAfterAwait(string message);

    Task<int> ThrowBeforeAnyAwait(string message);

    Task<string> Hello();
}

public sealed class FailingGrain : Grain, IFailingGrain
{
    public async Task<int> ThrowAfterAwait(string message)
    {
        await Task.Yield();
        throw new GradeRuleException(message);
    }

    // Not async on purpose: the exception is thrown synchronously from the grain method.
    public Task<int> ThrowBeforeAnyAwait(string message) => throw new ArgumentOutOfRangeException(nameof(message), message);

    public Task<string> Hello() => Task.FromResult("hej");
}

public interface IFlakyActivationGrain : IGrainWithStringKey
{
    Task<int> Attempts();
}

/// <summary>Fails its first activation per key, then activates normally.</summary>
public sealed class FlakyActivationGrain : Grain, IFlakyActivationGrain
{
    public static readonly ConcurrentDictionary<string, int> ActivationAttempts = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        var attempt = ActivationAttempts.AddOrUpdate(this.GetPrimaryKeyString(), 1, (_, n) => n + 1);
        if (attempt == 1)
        {
            throw new InvalidDataException($"activation attempt {attempt} failed");
        }
    }

    public Task<int> Attempts() => Task.FromResult(ActivationAttempts[this.GetPrimaryKeyString()]);
}
