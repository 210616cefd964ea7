namespace Portal.Domain.Identity;

/// <summary>The one place that says which role may do what. Later modules add their permissions here.</summary>
public static class RolePermissions
{
    private static readonly Dictionary<string, HashSet<Permission>> ByRole = new(StringComparer.Ordinal)
    {
        [Roles.Admin] = [Permissions.Account.Own, Permissions.Platform.Overview, Permissions.Onboarding.Manage, Permissions.Tenants.ReadData, Permissions.Audit.Read, Permissions.Messages.Read, Permissions.Messages.Manage],
        [Roles.Staff] = [Permissions.Account.Own, Permissions.Platform.Overview, Permissions.Onboarding.Manage, Permissions.Tenants.ReadData, Permissions.Audit.Read, Permissions.Messages.Read, Permissions.Messages.Manage],
        [Roles.Owner] = [Permissions.Account.Own, Permissions.Workspace.Read, Permissions.Sites.Manage],
        [Roles.Manager] = [Permissions.Account.Own, Permissions.Workspace.Read, Permissions.Sites.Manage],
        [Roles.Member] = [Permissions.Account.Own, Permissions.Workspace.Read],
        [Roles.Viewer] = [Permissions.Account.Own, Permissions.Workspace.Read],
    };

    public static bool Grants(string? role, Permission permission) =>
        role is not null && ByRole.TryGetValue(role, out var granted) && granted.Contains(permission);
}
