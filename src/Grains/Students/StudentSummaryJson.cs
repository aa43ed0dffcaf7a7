using System.Text.Json.Serialization;

namespace PlugInnan.Grains.Students;

/// <summary>
/// Source-generated JSON for the one comparison that needs it: a student grain reports its summary to
/// the school only when the summary's content changed (records compare their lists by reference).
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(StudentSummary))]
internal sealed partial class StudentSummaryJson : JsonSerializerContext;
