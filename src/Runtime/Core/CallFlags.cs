namespace PlugInnan.Runtime.Core;

/// <summary>How a request may interleave with others on the same activation.</summary>
[Flags]
internal enum CallFlags
{
    None = 0,
    ReadOnly = 1,
    AlwaysInterleave = 2,

    /// <summary>The request does not count as activity for idle collection (timer ticks without KeepAlive).</summary>
    NoKeepAlive = 4,
}
