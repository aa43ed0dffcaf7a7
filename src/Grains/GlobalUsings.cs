// The grains see the runtime only through this namespace, whose names are Orleans' names: moving
// the grains to Orleans means swapping this line for Orleans' namespaces and the host, not the grains.
global using PlugInnan.Runtime;
