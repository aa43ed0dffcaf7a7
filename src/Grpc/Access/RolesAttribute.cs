namespace PlugInnan.Api.Access;

/// <summary>
/// The roles that may call a pluginnan.v1 method, on the method itself. A method without it is refused
/// to everyone, so a new RPC is closed until someone decides who may call it. Scope (which school,
/// which subproject) is checked by the service, which knows what the request is about.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class RolesAttribute(params ApiRole[] roles) : Attribute
{
    public IReadOnlyList<ApiRole> Roles { get; } = roles;
}
