namespace PlugInnan.Api.Access;

/// <summary>What an API client is.</summary>
public enum ApiRole
{
    /// <summary>A school's student information system: student data, for its own schools only.</summary>
    SchoolSystem = 1,

    /// <summary>A regional process leader's tool: its subprojects' figures, never a student.</summary>
    ProcessLeader = 2,

    /// <summary>Municipal IT: registers schools and subprojects; no student data.</summary>
    Administrator = 3,
}
