namespace PlugInnan.Api.Access;

/// <summary>The authenticated client of a call, and what it may reach.</summary>
public sealed record ApiCaller(string Name, IReadOnlySet<ApiRole> Roles, IReadOnlySet<string> Schools, IReadOnlySet<string> Subprojects, bool LoopbackOnly)
{
    public const string Everything = "*";

    public bool Is(ApiRole role) => Roles.Contains(role);

    /// <summary>An administrator reaches every school; a school system the ones it is set up for.</summary>
    public bool MayActForSchool(string schoolUnitCode) =>
        Is(ApiRole.Administrator) || (Is(ApiRole.SchoolSystem) && (Schools.Contains(Everything) || Schools.Contains(schoolUnitCode)));

    /// <summary>A school system reaches student data of its schools only; administrators and process leaders never.</summary>
    public bool MayReachStudentsOf(string schoolUnitCode) =>
        Is(ApiRole.SchoolSystem) && (Schools.Contains(Everything) || Schools.Contains(schoolUnitCode));

    /// <summary>An administrator reaches every subproject; a process leader the ones it is set up for.</summary>
    public bool MayActForSubproject(string subprojectId) =>
        Is(ApiRole.Administrator) || (Is(ApiRole.ProcessLeader) && (Subprojects.Contains(Everything) || Subprojects.Contains(subprojectId)));
}
