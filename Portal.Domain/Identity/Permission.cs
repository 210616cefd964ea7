namespace Portal.Domain.Identity;

/// <summary>
/// One thing a person may do: an action on a resource ("sites.manage"), with the French sentence shown when it is
/// refused. Roles grant permissions in <see cref="RolePermissions"/>; services ask <c>CurrentUser.Can</c>.
/// </summary>
public sealed record Permission(string Resource, string Action, string DeniedMessage)
{
    /// <summary>Which side of the product the permission belongs to: tenant permissions need a tenant, platform ones need staff.</summary>
    public PermissionScope Scope { get; init; }

    public string Name => Resource + "." + Action;

    public override string ToString() => Name;
}
