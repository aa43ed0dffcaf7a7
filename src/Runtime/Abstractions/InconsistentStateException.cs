namespace PlugInnan.Runtime;

/// <summary>
/// A state write or clear found that the stored version is not the one this activation read
/// (another writer got there first). Nothing was changed. Re-read the state and try again.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException()
    {
    }

    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base(message)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>The version found in storage, when the provider could tell it.</summary>
    public string? StoredEtag { get; }

    /// <summary>The version this activation held when it tried to write.</summary>
    public string? CurrentEtag { get; }
}
