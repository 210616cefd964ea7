namespace Portal.Domain.Identity;

/// <summary>Every permission of the product, resource by resource (<c>Permissions.Sites.Manage</c>).</summary>
public static class Permissions
{
    private const string StaffOnly = "Cette action est réservée à l'équipe plateforme.";

    public static class Account
    {
        /// <summary>One's own notifications and preferences.</summary>
        public static readonly Permission Own = new("account", "own", "Vous devez être connecté.") { Scope = PermissionScope.Personal };
    }

    public static class Workspace
    {
        /// <summary>See one's own company: profile, sites, people.</summary>
        public static readonly Permission Read = new("workspace", "read", "Cette page est réservée aux utilisateurs d'une entreprise cliente.");
    }

    public static class Sites
    {
        public static readonly Permission Manage = new("sites", "manage", "Seuls le propriétaire et les gérants peuvent modifier les sites.");
    }

    /// <summary>The company's business dashboard: sales, stock, forecasts, alerts, reports.</summary>
    public static class Dashboard
    {
        public static readonly Permission Read = new("dashboard", "read", "Le tableau de bord est réservé aux utilisateurs d'une entreprise cliente.");

        /// <summary>Download grids and reports.</summary>
        public static readonly Permission Export = new("dashboard", "export", "Votre rôle permet de consulter les données, pas de les exporter.");

        /// <summary>Cost prices, margins and the value of the stock.</summary>
        public static readonly Permission Costs = new("dashboard", "costs", "Seuls le propriétaire et les gérants voient les coûts et les marges.");

        /// <summary>Alert rules and the company's own imports.</summary>
        public static readonly Permission Manage = new("dashboard", "manage", "Seuls le propriétaire et les gérants peuvent modifier les alertes et importer des données.");
    }

    public static class Platform
    {
        /// <summary>The back-office home: KPIs, recent activity.</summary>
        public static readonly Permission Overview = new("platform", "overview", "Cette page est réservée à l'équipe plateforme.") { Scope = PermissionScope.Platform };
    }

    public static class Onboarding
    {
        public static readonly Permission Manage = new("onboarding", "manage", "L'onboarding est réservé à l'équipe plateforme.") { Scope = PermissionScope.Platform };
    }

    public static class Tenants
    {
        /// <summary>Read a client company's own rows (support), always recorded in the audit trail.</summary>
        public static readonly Permission ReadData = new("tenants", "read_data", "Seule l'équipe plateforme peut accéder aux données de plusieurs entreprises.") { Scope = PermissionScope.Platform };
    }

    public static class Audit
    {
        public static readonly Permission Read = new("audit", "read", StaffOnly) { Scope = PermissionScope.Platform };
    }

    public static class Messages
    {
        /// <summary>Every outgoing message of the platform (the staff viewer, the local sink).</summary>
        public static readonly Permission Read = new("messages", "read", StaffOnly) { Scope = PermissionScope.Platform };

        /// <summary>Queue a dead message again, send a test message.</summary>
        public static readonly Permission Manage = new("messages", "manage", StaffOnly) { Scope = PermissionScope.Platform };
    }

    public static IReadOnlyList<Permission> All { get; } =
    [
        Account.Own, Workspace.Read, Sites.Manage, Dashboard.Read, Dashboard.Export, Dashboard.Costs, Dashboard.Manage, Platform.Overview, Onboarding.Manage, Tenants.ReadData, Audit.Read, Messages.Read, Messages.Manage,
    ];
}
