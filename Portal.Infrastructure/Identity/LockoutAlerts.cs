using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Identity;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Notifications;

namespace Portal.Infrastructure.Identity;

/// <summary>
/// When sign-in locks: the account's owner is told in the app (the messaging outbox will carry it to their channel), and
/// platform admins are alerted when the same account keeps being locked, the sign of someone guessing its password.
/// </summary>
public sealed class LockoutAlerts(PortalDb portalDb, EventBus bus, TimeProvider clock)
{
    /// <summary>Locks of one account within a day that alert the platform admins (and each further multiple of it).</summary>
    public const int StaffAlertThreshold = 3;

    /// <param name="user">The locked account; its lock is already in the audit trail.</param>
    /// <param name="ipAddress">Where the failed attempts came from.</param>
    /// <param name="deviceOnly">True when only one of the owner's known browsers was locked, not new ones.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    public async Task AccountLockedAsync(PortalUser user, string? ipAddress, bool deviceOnly, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var when = now.ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture);
        var from = string.IsNullOrEmpty(ipAddress) ? string.Empty : $" depuis l'adresse {ipAddress}";
        var notice = deviceOnly
            ? new Notification(user.Id, "Connexion bloquée sur un de vos appareils",
                $"Cinq mots de passe erronés ont été saisis le {when} (GMT){from} sur un appareil où vous vous étiez déjà connecté. Il est bloqué pendant 15 minutes. Si ce n'était pas vous, changez votre mot de passe.",
                "/account/change-password")
            : new Notification(user.Id, "Votre compte a été verrouillé",
                $"Cinq mots de passe erronés ont été saisis pour votre compte le {when} (GMT){from}. Les connexions depuis de nouveaux appareils sont bloquées pendant 15 minutes ; vos appareils habituels ne sont pas concernés. Si ce n'était pas vous, changez votre mot de passe.",
                "/account/change-password");

        await using var db = portalDb.ForSystem("lockout alerts");
        db.Notifications.Add(notice);
        var since = now.AddDays(-1);
        var locks = await db.AuditEntries.CountAsync(a => a.Action == AuditActions.LockedOut && a.ActorId == user.Id && a.At >= since, cancellationToken);
        var admins = locks > 0 && locks % StaffAlertThreshold == 0
            ? await db.Users.Where(u => u.TenantId == null && u.Role == Roles.Admin && u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken)
            : [];
        foreach (var admin in admins)
        {
            db.Notifications.Add(new Notification(admin, "Compte verrouillé à répétition",
                $"Le compte de {user.DisplayName} ({user.Email ?? user.PhoneNumber}) a été verrouillé {locks} fois en 24 heures, la dernière fois le {when} (GMT){from}. Quelqu'un essaie sans doute de deviner son mot de passe.",
                "/admin"));
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var recipient in admins.Prepend(user.Id))
        {
            NotificationService.Signal(bus, recipient);
        }
    }
}
