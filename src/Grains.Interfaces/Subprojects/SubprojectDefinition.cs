namespace PlugInnan.Grains;

/// <summary>A school in a subproject: known by name from the programme, linked to its school unit code when known.</summary>
[GenerateSerializer, Alias("pluginnan.SubprojectSchool")]
public sealed record SubprojectSchool([property: Id(0)] string Name, [property: Id(1)] string? SchoolUnitCode = null);

/// <summary>What a subproject (delprojekt) is: where, who leads it, which schools, and what it works on.</summary>
/// <param name="ProcessLeader">The regional process leader (processledare), as a name or role; no student data.</param>
/// <param name="Focus">A stated focus, if any (e.g. the transition between year 6 and year 7).</param>
[GenerateSerializer, Alias("pluginnan.SubprojectDefinition")]
public sealed record SubprojectDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string Municipality,
    [property: Id(2)] string? ProcessLeader,
    [property: Id(3)] IReadOnlyList<SubprojectSchool> Schools,
    [property: Id(4)] IReadOnlyList<DevelopmentArea> DevelopmentAreas,
    [property: Id(5)] IReadOnlyList<SuccessFactor> SuccessFactors,
    [property: Id(6)] string? Focus = null);
