using Microsoft.EntityFrameworkCore;
using Portal.Domain.Messaging;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Messaging;

/// <summary>A recipient's quiet hours, for a message retried or queued again after it was first written.</summary>
internal static class RecipientQuietHours
{
    // Across the ownership filters on purpose: the delivery job and staff read the hours of anyone they message.
    public static async Task<QuietHours> OfAsync(PortalDbContext db, Guid userId, CancellationToken cancellationToken) =>
        await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == userId)
            .Select(u => QuietHours.Of(u.QuietHoursStart, u.QuietHoursEnd)).SingleOrDefaultAsync(cancellationToken) ?? QuietHours.Default;
}
