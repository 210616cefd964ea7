using Portal.Domain.Common;
using Portal.Domain.Messaging;

namespace Portal.Infrastructure.Messaging;

/// <summary>Every kind of message the product sends, with its French default wording. Later modules add theirs here.</summary>
public static class MessageKinds
{
    public static readonly MessageKind ImportSucceeded = new(
        "import.succeeded",
        "Import de données terminé",
        MessageAudience.Staff,
        MessagePriority.Normal,
        ExternalByDefault: false,
        "Import terminé : {{tenant.name}}",
        "{{import.products}} produits et {{import.sales}} ventes importés pour {{tenant.name}} ; score qualité {{import.quality}}/100.",
        "{{app.name}} : import de {{tenant.name}} terminé, {{import.products}} produits et {{import.sales}} ventes.",
        "portal_import_succeeded",
        ["{{tenant.name}}", "{{import.products}}", "{{import.sales}}"]);

    public static readonly MessageKind ImportFailed = new(
        "import.failed",
        "Import de données en échec",
        MessageAudience.Staff,
        MessagePriority.High,
        ExternalByDefault: true,
        "Import en échec : {{tenant.name}}",
        "L'import du fichier « {{import.file}} » pour {{tenant.name}} n'a pas abouti.\n\n{{import.reason}}\n\nOuvrez l'onboarding pour voir le détail et relancer l'import.",
        "{{app.name}} : l'import de {{tenant.name}} a échoué. Ouvrez l'onboarding pour le détail.",
        "portal_import_failed",
        ["{{tenant.name}}", "{{import.file}}"]);

    public static readonly MessageKind AccountLocked = new(
        "account.locked",
        "Compte verrouillé après des mots de passe erronés",
        MessageAudience.Everyone,
        MessagePriority.Urgent,
        ExternalByDefault: true,
        "Votre compte a été verrouillé",
        "Cinq mots de passe erronés ont été saisis pour votre compte le {{lock.when}} (GMT){{#if lock.ip}} depuis l'adresse {{lock.ip}}{{/if}}. Les connexions depuis de nouveaux appareils sont bloquées pendant 15 minutes ; vos appareils habituels ne sont pas concernés.\n\nSi ce n'était pas vous, changez votre mot de passe.",
        "{{app.name}} : 5 mots de passe erronés sur votre compte le {{lock.when}}. Nouveaux appareils bloqués 15 min. Si ce n'était pas vous, changez votre mot de passe.",
        "portal_account_locked",
        ["{{lock.when}}"]);

    public static readonly MessageKind DeviceLocked = new(
        "account.device_locked",
        "Connexion bloquée sur un de vos appareils",
        MessageAudience.Everyone,
        MessagePriority.High,
        ExternalByDefault: false,
        "Connexion bloquée sur un de vos appareils",
        "Cinq mots de passe erronés ont été saisis le {{lock.when}} (GMT){{#if lock.ip}} depuis l'adresse {{lock.ip}}{{/if}} sur un appareil où vous vous étiez déjà connecté. Il est bloqué pendant 15 minutes.\n\nSi ce n'était pas vous, changez votre mot de passe.",
        "{{app.name}} : un de vos appareils est bloqué 15 min après 5 mots de passe erronés le {{lock.when}}.",
        "portal_device_locked",
        ["{{lock.when}}"]);

    public static readonly MessageKind RepeatedLockouts = new(
        "security.repeated_lockouts",
        "Compte verrouillé à répétition (alerte sécurité)",
        MessageAudience.Staff,
        MessagePriority.High,
        ExternalByDefault: true,
        "Compte verrouillé à répétition",
        "Le compte de {{account.name}} ({{account.identifier}}) a été verrouillé {{lock.count}} fois en 24 heures, la dernière fois le {{lock.when}} (GMT){{#if lock.ip}} depuis l'adresse {{lock.ip}}{{/if}}. Quelqu'un essaie sans doute de deviner son mot de passe.",
        "{{app.name}} : le compte de {{account.name}} a été verrouillé {{lock.count}} fois en 24 h. Tentative probable de deviner son mot de passe.",
        "portal_repeated_lockouts",
        ["{{account.name}}", "{{lock.count}}"]);

    /// <summary>
    /// A company's alert rule fired (<c>Dashboard/AlertEvaluator</c>): the owner and managers receive it by default, on
    /// the channel they read; members and viewers only if they switch a channel on.
    /// </summary>
    public static readonly MessageKind StockAlert = new(
        "stock.alert",
        "Alertes de stock et de ventes",
        MessageAudience.Tenant,
        MessagePriority.Normal,
        ExternalByDefault: true,
        "Alerte : {{alert.title}} ({{alert.subject}})",
        "{{alert.subject}} : {{alert.text}}.\n\nRetrouvez les alertes de {{tenant.name}} dans {{app.name}}, rubrique « Alertes ». Vous ne serez pas prévenu à nouveau tant que cette alerte reste ouverte.",
        "{{app.name}} : {{alert.subject}}, {{alert.text}}.",
        "portal_stock_alert",
        ["{{alert.subject}}", "{{alert.text}}"])
    {
        DefaultRoles = new HashSet<string>(StringComparer.Ordinal) { Domain.Identity.Roles.Owner, Domain.Identity.Roles.Manager },
    };

    /// <summary>
    /// Last month's figures and a link to its report (<c>Dashboard/MonthlyReportJob</c>, the 1st of each month): sent only
    /// to the people of a client company who switch a channel on for it.
    /// </summary>
    public static readonly MessageKind MonthlyReport = new(
        "report.monthly",
        "Rapport mensuel de l'activité",
        MessageAudience.Tenant,
        MessagePriority.Normal,
        ExternalByDefault: false,
        "Rapport mensuel ({{report.month}}) : {{tenant.name}}",
        "Le rapport mensuel de {{tenant.name}} pour {{report.month}} est prêt.\n\nChiffre d'affaires : {{report.revenue}}{{#if report.change}} ({{report.change}}){{/if}}, {{report.units}} en {{report.lines}}.{{#if report.stock}} {{report.stock}}.{{/if}}\n\nTéléchargez-le en PDF ou en Excel dans {{app.name}}, rubrique « Rapports ».",
        "{{app.name}} : {{tenant.name}} en {{report.month}}, CA {{report.revenue}}{{#if report.change}} ({{report.change}}){{/if}}. Rapport complet dans la rubrique Rapports.",
        "portal_monthly_report",
        ["{{tenant.name}}", "{{report.month}}", "{{report.revenue}}"])
    {
        DefaultRoles = new HashSet<string>(StringComparer.Ordinal),
    };

    public static readonly MessageKind Test = new(
        "messaging.test",
        "Message de test",
        MessageAudience.Staff,
        MessagePriority.Normal,
        ExternalByDefault: true,
        "Message de test",
        "Bonjour {{user.firstName}},\n\nCeci est un message de test envoyé par {{sender.name}} depuis {{app.name}}. S'il vous parvient, le canal « {{channel}} » fonctionne.",
        "{{app.name}} : message de test envoyé par {{sender.name}}. Le canal {{channel}} fonctionne.",
        "portal_test",
        ["{{sender.name}}"]);

    public static IReadOnlyList<MessageKind> All { get; } = [ImportSucceeded, ImportFailed, AccountLocked, DeviceLocked, RepeatedLockouts, StockAlert, MonthlyReport, Test];

    public static MessageKind Get(string type) =>
        All.FirstOrDefault(k => k.Type == type) ?? throw new NotFoundException($"Type de message inconnu : {type}.");

    /// <summary>The French name of a kind, or its key for a kind this version no longer sends.</summary>
    public static string LabelOf(string type) => All.FirstOrDefault(k => k.Type == type)?.Label ?? type;

    /// <summary>The kinds a person may tune in their preferences (test messages are not a subscription).</summary>
    public static IEnumerable<MessageKind> For(bool staff) =>
        All.Where(k => k != Test && (k.Audience == MessageAudience.Everyone || k.Audience == (staff ? MessageAudience.Staff : MessageAudience.Tenant)));
}
