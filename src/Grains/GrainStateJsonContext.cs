using System.Text.Json.Serialization;

namespace PlugInnan.Grains;

/// <summary>Source-generated JSON metadata for every grain state type in this assembly.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(StartupLogState))]
[JsonSerializable(typeof(Students.StudentState))]
public sealed partial class GrainStateJsonContext : JsonSerializerContext;
