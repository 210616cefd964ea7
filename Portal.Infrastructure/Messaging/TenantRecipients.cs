using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Messaging;

/// <summary>Who in a client company receives a kind of message a job sends on the company's behalf.</summary>
public static class TenantRecipients
{
    /// <summary>
    /// The company's active people who receive <paramref name="kind"/>: those of its default roles, and anyone else who
    /// switched a channel on for it in their preferences (<see cref="MessageKind.IsOptInFor"/>).
    /// </summary>
    public static async Task<List<Guid>> ForAsync(PortalDbContext db, Guid tenantId, MessageKind kind, CancellationToken cancellationToken = default)
    {
        // Preferences are each person's own rows: a job reads them across the ownership filter, for this tenant's people only.
        var people = await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => u.TenantId == tenantId && u.IsActive)
            .Select(u => new
            {
                u.Id,
                u.Role,
                OptedIn = db.MessagePreferences.IgnoreQueryFilters().Any(p => p.UserId == u.Id && p.Type == kind.Type && p.Enabled),
            })
            .ToListAsync(cancellationToken);
        return [.. people.Where(p => !kind.IsOptInFor(p.Role) || p.OptedIn).Select(p => p.Id)];
    }
}
