namespace PlugInnan.Runtime;

/// <summary>Anything that has a grain identity: a grain, or a reference to one.</summary>
public interface IAddressable;

/// <summary>Marker for grain interfaces. Use one of the keyed variants below.</summary>
public interface IGrain : IAddressable;

/// <summary>A grain addressed by a string key.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain addressed by a <see cref="Guid"/> key.</summary>
public interface IGrainWithGuidKey : IGrain;

/// <summary>A grain addressed by a 64-bit integer key.</summary>
public interface IGrainWithIntegerKey : IGrain;
