namespace PlugInnan.Runtime;

/// <summary>
/// Lets requests to this grain class interleave at their awaits. Pieces of work still never run in
/// parallel: one activation executes on one thread at a time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;

/// <summary>
/// On a grain interface method: the method does not change state, so read-only requests may
/// interleave with each other, but never with a request that may write.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;

/// <summary>On a grain interface method: requests to it interleave with any other request.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;
