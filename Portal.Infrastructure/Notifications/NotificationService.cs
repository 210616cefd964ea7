using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Identity;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Notifications;

/// <summary>The signed-in user's own in-app notifications (never anyone else's).</summary>
public sealed class NotificationService(PortalDb portalDb, CurrentUser user, TimeProvider clock, EventBus bus)
{
    public async Task<(IReadOnlyList<NotificationView> Latest, int Unread)> GetAsync(int take = 10, CancellationToken cancellationToken = default)
    {
        var userId = UserId();
        await using var db = Open();
        var latest = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.CreatedAt).Take(take)
            .Select(n => new NotificationView(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null)).ToListAsync(cancellationToken);
        var unread = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
        return (latest, unread);
    }

    public async Task MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        var userId = UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = Open();
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    /// <summary>Calls <paramref name="changed"/> when someone writes a notification for the signed-in person (dispose to stop).</summary>
    public IDisposable Follow(Action changed) => bus.Subscribe<object>(Key(UserId()), _ => changed());

    /// <summary>Tells the person's open pages that they have something new (after the commit that wrote it).</summary>
    public static void Signal(EventBus bus, Guid userId) => bus.Publish<object>(Key(userId), null);

    private static string Key(Guid userId) => "notifications:" + userId.ToString("N");

    private Guid UserId() => user.UserId ?? throw new ForbiddenException("Vous devez être connecté.");

    // Notifications are user-owned: the filter already limits every query to the caller's own.
    private PortalDbContext Open() => portalDb.ForCurrentUser(Permissions.Account.Own);
}
