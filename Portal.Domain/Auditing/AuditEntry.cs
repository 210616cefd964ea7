namespace Portal.Domain.Auditing;

/// <summary>One admin action or sign-in event. Written once, never changed.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(
        Guid? actorId,
        string? actorName,
        Guid? tenantId,
        string action,
        string? entityType,
        string? entityId,
        string details,
        string? ipAddress,
        string? userAgent,
        DateTime at)
    {
        ActorId = actorId;
        ActorName = Truncate(actorName, 256);
        TenantId = tenantId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Details = details;
        IpAddress = Truncate(ipAddress, 45);
        UserAgent = Truncate(userAgent, 512);
        At = at;
    }

    public long Id { get; private set; }

    public Guid? ActorId { get; private set; }

    public string? ActorName { get; private set; }

    /// <summary>The tenant concerned, when there is one.</summary>
    public Guid? TenantId { get; private set; }

    public string Action { get; private set; } = string.Empty;

    public string? EntityType { get; private set; }

    public string? EntityId { get; private set; }

    /// <summary>Details as a JSON object.</summary>
    public string Details { get; private set; } = "{}";

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public DateTime At { get; private set; }

    private static string? Truncate(string? value, int max) => value is { Length: > 0 } v && v.Length > max ? v[..max] : value;
}

/// <summary>The action names written to the audit log.</summary>
public static class AuditActions
{
    public const string SignIn = "sign_in";
    public const string SignInFailed = "sign_in_failed";
    public const string LockedOut = "locked_out";
    public const string SignOut = "sign_out";
    public const string ChangePassword = "change_password";
    public const string BootstrapAdmin = "bootstrap_admin";
    public const string CreateTenant = "create_tenant";
    public const string CreateSite = "create_site";
    public const string UpdateSite = "update_site";
    public const string DeactivateSite = "deactivate_site";
    public const string CrossTenantAccess = "cross_tenant_access";
    public const string CreateUsers = "create_users";
    public const string DownloadTemplate = "download_template";
    public const string UploadTemplate = "upload_template";
    public const string TestImport = "test_import";
    public const string ImportData = "import_data";

    public static string LabelFr(string action) => action switch
    {
        SignIn => "Connexion",
        SignInFailed => "Échec de connexion",
        LockedOut => "Compte verrouillé",
        SignOut => "Déconnexion",
        ChangePassword => "Changement de mot de passe",
        BootstrapAdmin => "Création de l'administrateur initial",
        CreateTenant => "Création d'entreprise",
        CreateSite => "Création de site",
        UpdateSite => "Modification de site",
        DeactivateSite => "Désactivation de site",
        CrossTenantAccess => "Accès aux données d'une entreprise",
        CreateUsers => "Création d'utilisateurs",
        DownloadTemplate => "Téléchargement du modèle Excel",
        UploadTemplate => "Dépôt d'un fichier d'import",
        TestImport => "Test d'import",
        ImportData => "Import de données",
        _ => action,
    };
}
