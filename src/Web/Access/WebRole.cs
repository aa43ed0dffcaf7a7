namespace PlugInnan.Web.Access;

/// <summary>Who a signed-in person is to the pages.</summary>
public enum WebRole
{
    /// <summary>Processledare: the subprojects given to them, figures only.</summary>
    ProcessLeader = 1,

    /// <summary>Rektor or elevhälsoteam: their own school.</summary>
    SchoolLeader = 2,
}
