using Portal.Domain.Auditing;
using Portal.Domain.Dashboard;
using Portal.Domain.Identity;
using Portal.Domain.Onboarding;
using Portal.Domain.Tenancy;

namespace Portal.Domain.Common;

/// <summary>The French words users read for the product's codes: roles, sectors, statuses, steps, audit actions.</summary>
public static class Labels
{
    public static string Role(string? role) => role switch
    {
        Roles.Admin => "Administrateur plateforme",
        Roles.Staff => "Équipe plateforme",
        Roles.Owner => "Propriétaire",
        Roles.Manager => "Gérant",
        Roles.Member => "Membre",
        Roles.Viewer => "Lecteur",
        _ => "Inconnu",
    };

    public static string Of(Sector sector) => sector switch
    {
        Sector.Retail => "Commerce de détail",
        Sector.Wholesale => "Commerce de gros",
        Sector.Manufacturing => "Production / industrie",
        Sector.Services => "Services",
        _ => sector.ToString(),
    };

    public static string Of(OnboardingStep step) => step switch
    {
        OnboardingStep.Company => "Entreprise",
        OnboardingStep.Users => "Utilisateurs",
        OnboardingStep.Template => "Modèle Excel",
        _ => "Import",
    };

    public static string Of(OnboardingStatus status) => status switch
    {
        OnboardingStatus.Completed => "Terminé",
        OnboardingStatus.Failed => "Abandonné",
        _ => "En cours",
    };

    public static string Of(ImportPhase phase) => phase switch
    {
        ImportPhase.Queued => "En attente",
        ImportPhase.ReadingProducts => "Lecture des produits",
        ImportPhase.ReadingSales => "Lecture des ventes",
        ImportPhase.Saving => "Enregistrement",
        ImportPhase.Finishing => "Finalisation",
        _ => "Terminé",
    };

    public static string Of(ForecastMethod method) => method switch
    {
        ForecastMethod.NotEnoughHistory => "Historique insuffisant",
        ForecastMethod.NoSales => "Aucune vente",
        ForecastMethod.MovingAverage => "Moyenne des 4 dernières semaines",
        ForecastMethod.SimpleSmoothing => "Lissage exponentiel simple",
        _ => "Lissage exponentiel avec saisonnalité hebdomadaire",
    };

    public static string Of(PeriodKind kind) => kind switch
    {
        PeriodKind.ThisMonth => "Ce mois-ci",
        PeriodKind.Last30Days => "30 derniers jours",
        PeriodKind.ThisQuarter => "Ce trimestre",
        PeriodKind.ThisYear => "Cette année",
        _ => "Personnalisée",
    };

    /// <summary>A chart's bucket, as in "par jour".</summary>
    public static string Of(Bucket bucket) => bucket switch
    {
        Bucket.Day => "jour",
        Bucket.Week => "semaine",
        _ => "mois",
    };

    /// <summary>A bucket under a chart's axis: "03/11", "sem. 03/11", "nov. 26".</summary>
    public static string BucketStart(Bucket bucket, DateOnly start) => bucket switch
    {
        Bucket.Day => start.ToString("dd/MM", System.Globalization.CultureInfo.InvariantCulture),
        Bucket.Week => "sem. " + start.ToString("dd/MM", System.Globalization.CultureInfo.InvariantCulture),
        _ => start.ToString("MMM yy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")),
    };

    public static string Of(StockStatus status) => status switch
    {
        StockStatus.OutOfStock => "Rupture",
        StockStatus.BelowReorderPoint => "Sous le seuil",
        StockStatus.Overstock => "Surstock",
        StockStatus.Dormant => "Dormant",
        _ => "Normal",
    };

    public static string Of(AlertKind kind) => kind switch
    {
        AlertKind.BelowReorderPoint => "Stock sous le seuil d'alerte",
        AlertKind.StockOutSoon => "Rupture prévue",
        AlertKind.RevenueDrop => "Baisse du chiffre d'affaires",
        _ => "Produit dormant",
    };

    /// <summary>What an audit entry is about, as the activity feed names it.</summary>
    public static string Entity(string? entityType) => entityType switch
    {
        "user" => "Utilisateur",
        "tenant" => "Entreprise",
        "site" => "Site",
        "import_job" => "Import",
        "message" => "Message",
        "alert_rules" => "Alertes",
        null or "" => string.Empty,
        _ => entityType,
    };

    public static string AuditAction(string action) => action switch
    {
        AuditActions.SignIn => "Connexion",
        AuditActions.SignInFailed => "Échec de connexion",
        AuditActions.LockedOut => "Compte verrouillé",
        AuditActions.SignOut => "Déconnexion",
        AuditActions.ChangePassword => "Changement de mot de passe",
        AuditActions.ChangePasswordFailed => "Mot de passe actuel erroné (changement refusé)",
        AuditActions.BootstrapAdmin => "Création de l'administrateur initial",
        AuditActions.CreateTenant => "Création d'entreprise",
        AuditActions.CreateSite => "Création de site",
        AuditActions.UpdateSite => "Modification de site",
        AuditActions.DeactivateSite => "Désactivation de site",
        AuditActions.CrossTenantAccess => "Accès aux données d'une entreprise",
        AuditActions.CreateUsers => "Création d'utilisateurs",
        AuditActions.RegenerateTemporaryPassword => "Nouveau mot de passe temporaire",
        AuditActions.DownloadTemplate => "Téléchargement du modèle Excel",
        AuditActions.UploadTemplate => "Dépôt d'un fichier d'import",
        AuditActions.TestImport => "Test d'import",
        AuditActions.ImportData => "Import de données",
        AuditActions.RequeueMessage => "Message remis en file",
        AuditActions.SendTestMessage => "Envoi d'un message de test",
        AuditActions.ChangeMessagePreferences => "Préférences de notification modifiées",
        AuditActions.ChangeAlertRules => "Règles d'alerte modifiées",
        _ => action,
    };
}
