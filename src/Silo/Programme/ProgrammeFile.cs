using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlugInnan.Silo.Programme;

/// <summary>The parts of the programme data file (<c>plug-innan-program.json</c>, built into the silo) the seed uses.</summary>
internal sealed record ProgrammeFile(ProgrammeInfo Programme, IReadOnlyList<SubprojectInfo> Subprojects)
{
    private const string ResourceName = "PlugInnan.Silo.Programme.plug-innan-program.json";

    public static ProgrammeFile Load()
    {
        using var stream = typeof(ProgrammeFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The programme data ({ResourceName}) is not built into the silo.");
        return JsonSerializer.Deserialize(stream, ProgrammeFileJsonContext.Default.ProgrammeFile)
            ?? throw new InvalidOperationException("The programme data file is empty.");
    }
}

internal sealed record ProgrammeInfo(string Name);

/// <param name="DevelopmentAreas">Numbered 1–5 as the programme numbers them.</param>
internal sealed record SubprojectInfo(
    string Id,
    string Municipality,
    IReadOnlyList<string> Schools,
    IReadOnlyList<int> DevelopmentAreas,
    string? Name = null,
    string? Focus = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProgrammeFile))]
internal sealed partial class ProgrammeFileJsonContext : JsonSerializerContext;
