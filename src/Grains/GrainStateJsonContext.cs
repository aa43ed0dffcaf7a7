using System.Text.Json.Serialization;

namespace PlugInnan.Grains;

/// <summary>Source-generated JSON metadata for every grain state type in this assembly (and the summary students compare).</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(StartupLogState))]
[JsonSerializable(typeof(Students.StudentState))]
[JsonSerializable(typeof(StudentSummary))]
[JsonSerializable(typeof(Schools.SchoolState))]
[JsonSerializable(typeof(Schools.SchoolMembers))]
[JsonSerializable(typeof(Subprojects.SubprojectState))]
[JsonSerializable(typeof(Registry.RegistryState))]
[JsonSerializable(typeof(FollowUps.FollowUpState))]
public sealed partial class GrainStateJsonContext : JsonSerializerContext;
