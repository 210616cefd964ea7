using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Identity;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Messaging;

namespace Portal.Infrastructure.Identity;

/// <summary>
/// When sign-in locks: the account's owner is told on their channels (in-app, and e-mail or WhatsApp), and platform
/// admins are alerted when the same account keeps being locked, the sign of someone guessing its password.
/// </summary>
public sealed class LockoutAlerts(PortalDb portalDb, MessageOutbox outbox, TimeProvider clock)
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
        var at = now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var lockInfo = new { when = now.ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture), ip = ipAddress };

        await using var db = portalDb.ForSystem("lockout alerts");
        await outbox.QueueAsync(db, new MessageRequest(deviceOnly ? MessageKinds.DeviceLocked : MessageKinds.AccountLocked, [user.Id], $"{user.Id:N}:{at}")
        {
            TenantId = user.TenantId,
            Model = new Dictionary<string, object?> { ["lock"] = lockInfo },
            Link = "/account/change-password",
        }, cancellationToken);

        var since = now.AddDays(-1);
        var locks = await db.AuditEntries.CountAsync(a => a.Action == AuditActions.LockedOut && a.ActorId == user.Id && a.At >= since, cancellationToken);
        if (locks > 0 && locks % StaffAlertThreshold == 0)
        {
            var admins = await db.Users.Where(u => u.TenantId == null && u.Role == Roles.Admin && u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken);
            await outbox.QueueAsync(db, new MessageRequest(MessageKinds.RepeatedLockouts, admins, $"{user.Id:N}:{locks}:{at}")
            {
                Model = new Dictionary<string, object?>
                {
                    ["lock"] = new { lockInfo.when, lockInfo.ip, count = locks },
                    ["account"] = new { name = user.DisplayName, identifier = user.Email ?? user.PhoneNumber },
                },
                Link = "/admin",
            }, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
