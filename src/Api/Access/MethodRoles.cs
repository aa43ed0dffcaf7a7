namespace PlugInnan.Api.Access;

/// <summary>
/// Which roles may call each method of pluginnan.v1; a method not listed is refused to everyone, so a
/// new RPC is closed until someone decides who may call it. Scope (which school, which subproject) is
/// checked by the service, which knows what the request is about.
/// </summary>
internal static class MethodRoles
{
    public const string ApiPrefix = "/pluginnan.v1.";

    private static readonly ApiRole[] SchoolSystem = [ApiRole.SchoolSystem];
    private static readonly ApiRole[] SchoolSystemOrAdministrator = [ApiRole.SchoolSystem, ApiRole.Administrator];
    private static readonly ApiRole[] ProcessLeaderOrAdministrator = [ApiRole.ProcessLeader, ApiRole.Administrator];
    private static readonly ApiRole[] Administrator = [ApiRole.Administrator];

    private static readonly Dictionary<string, ApiRole[]> Allowed = new(StringComparer.Ordinal)
    {
        ["StudentService/EnrollStudent"] = SchoolSystem,
        ["StudentService/RecordAttendance"] = SchoolSystem,
        ["StudentService/StreamAttendance"] = SchoolSystem,
        ["StudentService/RecordGrades"] = SchoolSystem,
        ["StudentService/RecordSubjectAlert"] = SchoolSystem,
        ["StudentService/RecordConnectedness"] = SchoolSystem,
        ["StudentService/CreateIntervention"] = SchoolSystem,
        ["StudentService/UpdateIntervention"] = SchoolSystem,
        ["StudentService/RecordGuardianContact"] = SchoolSystem,
        ["StudentService/OpenAbsenceInvestigation"] = SchoolSystem,
        ["StudentService/ReportAbsenceInvestigation"] = SchoolSystem,
        ["StudentService/CloseAbsenceInvestigation"] = SchoolSystem,
        ["StudentService/RecordHandover"] = SchoolSystem,
        ["StudentService/GetStudent"] = SchoolSystem,
        ["StudentService/ListStudents"] = SchoolSystem,
        ["SchoolService/RegisterSchool"] = SchoolSystemOrAdministrator,
        ["SchoolService/GetSchool"] = SchoolSystemOrAdministrator,
        ["SchoolService/UpdateRoutines"] = SchoolSystemOrAdministrator,
        ["SchoolService/UpdateCalendar"] = SchoolSystemOrAdministrator,
        ["SchoolService/ListSchools"] = SchoolSystemOrAdministrator,
        ["SubprojectService/ListSubprojects"] = ProcessLeaderOrAdministrator,
        ["SubprojectService/GetSubproject"] = ProcessLeaderOrAdministrator,
        ["SubprojectService/CreateSubproject"] = Administrator,
        ["SubprojectService/AddSchool"] = ProcessLeaderOrAdministrator,
        ["SubprojectService/UpdatePlan"] = ProcessLeaderOrAdministrator,
        ["SubprojectService/RecordBaseline"] = ProcessLeaderOrAdministrator,
        ["SubprojectService/GetProgress"] = ProcessLeaderOrAdministrator,
        ["SubprojectService/ListDigests"] = ProcessLeaderOrAdministrator,
        ["FollowUpService/ListFollowUps"] = SchoolSystem,
        ["FollowUpService/CompleteFollowUp"] = SchoolSystem,
        ["FollowUpService/DismissFollowUp"] = SchoolSystem,
        ["FollowUpService/WatchFollowUps"] = SchoolSystem,
    };

    /// <param name="path">The call's path, <c>/pluginnan.v1.Service/Method</c>.</param>
    public static bool Allows(string path, ApiCaller caller) =>
        path.StartsWith(ApiPrefix, StringComparison.Ordinal)
        && Allowed.TryGetValue(path[ApiPrefix.Length..], out var roles)
        && roles.Any(caller.Is);

    /// <summary>Every method with rules, for the test that holds this table against the protos.</summary>
    public static IEnumerable<string> Methods => Allowed.Keys;
}
