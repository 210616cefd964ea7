namespace Portal.Domain.Identity;

/// <summary>The one place that says which role may do what. Later modules add their permissions here.</summary>
public static class RolePermissions
{
    private static readonly Dictionary<string, HashSet<Permission>> ByRole = new(StringComparer.Ordinal)
    {
        [Roles.Admin] = [Permissions.Account.Own, Permissions.Platform.Overview, Permissions.Onboarding.Manage, Permissions.Tenants.ReadData, Permissions.Audit.Read, Permissions.Messages.Read, Permissions.Messages.Manage],
        [Roles.Staff] = [Permissions.Account.Own, Permissions.Platform.Overview, Permissions.Onboarding.Manage, Permissions.Tenants.ReadData, Permissions.Audit.Read, Permissions.Messages.Read, Permissions.Messages.Manage],
        [Roles.Owner] = [Permissions.Account.Own, Permissions.Workspace.Read, Permissions.Sites.Manage, .. Dashboards(export: true, costs: true)],
        [Roles.Manager] = [Permissions.Account.Own, Permissions.Workspace.Read, Permissions.Sites.Manage, .. Dashboards(export: true, costs: true)],
        [Roles.Member] = [Permissions.Account.Own, Permissions.Workspace.Read, .. Dashboards(export: true, costs: false)],
        [Roles.Viewer] = [Permissions.Account.Own, Permissions.Workspace.Read, .. Dashboards(export: false, costs: false)],
    };

    // Viewer reads; Member also exports; Owner and Manager also see costs, manage alerts and import.
    private static Permission[] Dashboards(bool export, bool costs) =>
    [
        Permissions.Dashboard.Read,
        .. export ? [Permissions.Dashboard.Export] : Array.Empty<Permission>(),
        .. costs ? [Permissions.Dashboard.Costs, Permissions.Dashboard.Manage] : Array.Empty<Permission>(),
    ];

    public static bool Grants(string? role, Permission permission) =>
        role is not null && ByRole.TryGetValue(role, out var granted) && granted.Contains(permission);
}
