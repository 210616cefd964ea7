using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Identity;
using Portal.Domain.Messaging;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Messaging;

/// <summary>The signed-in person's own choices: which kinds of message reach them on which channel, and their quiet hours.</summary>
public sealed class PreferenceService(PortalDb portalDb, CurrentUser user, AuditTrail audit)
{
    public async Task<MessagePreferences> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = Open();
        var me = await Me(db, cancellationToken);
        var stored = await db.MessagePreferences.AsNoTracking().ToListAsync(cancellationToken);
        var rows = MessageKinds.For(user.IsPlatformStaff).Select(kind =>
        {
            var chosen = stored.Where(p => p.Type == kind.Type).ToDictionary(p => p.Channel, p => p.Enabled);
            var on = ChannelChoice.For(me.Email is not null, me.PhoneNumber is not null, chosen, kind.ExternalByDefaultFor(me.Role));
            return new PreferenceRow(kind.Type, kind.Label, kind.Priority, MessageChannels.Optional.ToDictionary(c => c, on.Contains)) { OptIn = kind.IsOptInFor(me.Role) };
        }).ToList();
        var quiet = me.QuietHours;
        return new MessagePreferences(rows, me.Email is not null, me.PhoneNumber is not null, quiet.Start, quiet.End);
    }

    /// <summary>Saves the whole grid and the quiet hours; only differences from the defaults are stored.</summary>
    public async Task SaveAsync(MessagePreferences preferences, CancellationToken cancellationToken = default)
    {
        await using var db = Open();
        var me = await db.Users.SingleAsync(u => u.Id == user.UserId, cancellationToken);
        var stored = await db.MessagePreferences.ToListAsync(cancellationToken);
        var kinds = MessageKinds.For(user.IsPlatformStaff).ToDictionary(k => k.Type);
        foreach (var row in preferences.Rows)
        {
            if (!kinds.TryGetValue(row.Type, out var kind))
            {
                throw new DomainException($"Type de message inconnu : {row.Type}.");
            }

            foreach (var (channel, enabled) in row.Channels.Where(c => c.Key != MessageChannel.InApp))
            {
                var existing = stored.FirstOrDefault(p => p.Type == row.Type && p.Channel == channel);
                var isDefault = enabled == (kind.ExternalByDefaultFor(me.Role) && ChannelChoice.IsDefault(channel, me.Email is not null, me.PhoneNumber is not null));
                if (isDefault && existing is not null)
                {
                    db.MessagePreferences.Remove(existing);
                }
                else if (!isDefault && existing is null)
                {
                    db.MessagePreferences.Add(new MessagePreference(me.Id, row.Type, channel, enabled));
                }
                else if (existing is not null)
                {
                    existing.Enabled = enabled;
                }
            }
        }

        var quiet = new QuietHours(preferences.QuietStart, preferences.QuietEnd);
        (me.QuietHoursStart, me.QuietHoursEnd) = quiet == QuietHours.Default ? ((TimeOnly?)null, (TimeOnly?)null) : (quiet.Start, quiet.End);
        db.AuditEntries.Add(audit.Entry(AuditActions.ChangeMessagePreferences, "user", me.Id, new { quietStart = quiet.Start.ToString("HH:mm"), quietEnd = quiet.End.ToString("HH:mm") }, me.TenantId));
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<PortalUser> Me(PortalDbContext db, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().SingleAsync(u => u.Id == user.UserId, cancellationToken);

    // Preferences are user-owned: the filter already limits every query to the caller's own.
    private PortalDbContext Open() => portalDb.ForCurrentUser(Permissions.Account.Own);
}

/// <summary>The preferences page: one row per kind of message, one switch per channel, and the quiet hours.</summary>
public sealed record MessagePreferences(IReadOnlyList<PreferenceRow> Rows, bool HasEmail, bool HasPhone, TimeOnly QuietStart, TimeOnly QuietEnd);

public sealed record PreferenceRow(string Type, string Label, MessagePriority Priority, IReadOnlyDictionary<MessageChannel, bool> Channels)
{
    /// <summary>This person receives the kind only on the channels they switch on (none by default for their role).</summary>
    public bool OptIn { get; init; }
}
