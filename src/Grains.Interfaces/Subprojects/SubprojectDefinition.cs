namespace PlugInnan.Grains;

/// <summary>A school in a subproject: known by name from the programme, linked to its school unit code when known.</summary>
public sealed record SubprojectSchool(string Name, string? SchoolUnitCode = null);

/// <summary>What a subproject (delprojekt) is: where, who leads it, which schools, and what it works on.</summary>
/// <param name="ProcessLeader">The regional process leader (processledare), as a name or role; no student data.</param>
/// <param name="Focus">A stated focus, if any (e.g. the transition between year 6 and year 7).</param>
public sealed record SubprojectDefinition(
    string Name,
    string Municipality,
    string? ProcessLeader,
    IReadOnlyList<SubprojectSchool> Schools,
    IReadOnlyList<DevelopmentArea> DevelopmentAreas,
    IReadOnlyList<SuccessFactor> SuccessFactors,
    string? Focus = null);
