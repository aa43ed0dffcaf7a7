namespace PlugInnan.Runtime.Core;

internal enum ActivationStatus
{
    /// <summary>Constructing the grain, loading its state and running OnActivateAsync; calls wait.</summary>
    Activating,

    /// <summary>Taking calls.</summary>
    Valid,

    /// <summary>Running OnDeactivateAsync; calls wait and then move to a new activation.</summary>
    Deactivating,

    /// <summary>Gone from the catalog; calls that still reach it go to a new activation.</summary>
    Invalid,
}
