using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Identity;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Notifications;

/// <summary>
/// The signed-in person's own in-app notifications (never anyone else's): the bell and the notifications page. Expired
/// ones are no longer shown. Every change is announced on the event bus, so all of the person's open tabs, on any
/// server, refresh their count.
/// </summary>
public sealed class NotificationService(PortalDb portalDb, CurrentUser user, TimeProvider clock, EventBus bus)
{
    /// <summary>The bell: the latest notifications, most important first among the unread, and the unread count.</summary>
    public async Task<(IReadOnlyList<NotificationView> Latest, int Unread)> GetAsync(int take = 10, CancellationToken cancellationToken = default)
    {
        await using var db = Open();
        var shown = Shown(db);
        var latest = await shown.OrderBy(n => n.ReadAt != null).ThenByDescending(n => n.Priority).ThenByDescending(n => n.CreatedAt).Take(take)
            .Select(View).ToListAsync(cancellationToken);
        var unread = await shown.CountAsync(n => n.ReadAt == null, cancellationToken);
        return (latest, unread);
    }

    /// <summary>The notifications page, newest first, optionally only the unread ones.</summary>
    public async Task<Page<NotificationView>> ListAsync(bool unreadOnly, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = Open();
        var shown = Shown(db);
        if (unreadOnly)
        {
            shown = shown.Where(n => n.ReadAt == null);
        }

        var total = await shown.CountAsync(cancellationToken);
        var ordered = (page.SortBy, page.Descending) switch
        {
            (nameof(NotificationView.CreatedAt), false) => shown.OrderBy(n => n.CreatedAt),
            (nameof(NotificationView.Priority), false) => shown.OrderBy(n => n.Priority).ThenByDescending(n => n.CreatedAt),
            (nameof(NotificationView.Priority), true) => shown.OrderByDescending(n => n.Priority).ThenByDescending(n => n.CreatedAt),
            (nameof(NotificationView.Title), false) => shown.OrderBy(n => n.Title).ThenByDescending(n => n.CreatedAt),
            (nameof(NotificationView.Title), true) => shown.OrderByDescending(n => n.Title).ThenByDescending(n => n.CreatedAt),
            _ => shown.OrderByDescending(n => n.CreatedAt),
        };
        var items = await ordered.Skip(page.SafeSkip).Take(page.SafeTake).Select(View).ToListAsync(cancellationToken);
        return new Page<NotificationView>(items, total);
    }

    public async Task MarkReadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = Open();
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotFoundException("Cette notification est introuvable.");
        notification.MarkRead(Now);
        await db.SaveChangesAsync(cancellationToken);
        Signal(bus, notification.UserId);
    }

    public async Task MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        var userId = UserId();
        var now = Now;
        await using var db = Open();
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        Signal(bus, userId);
    }

    /// <summary>Calls <paramref name="changed"/> when the signed-in person's notifications change (dispose to stop).</summary>
    public IDisposable Follow(Action changed) => bus.Subscribe<object>(Key(UserId()), _ => changed());

    /// <summary>Tells the person's open pages that their notifications changed (after the commit that changed them).</summary>
    public static void Signal(EventBus bus, Guid userId) => bus.Publish<object>(Key(userId), null);

    private static readonly System.Linq.Expressions.Expression<Func<Domain.Notifications.Notification, NotificationView>> View =
        n => new NotificationView(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null, n.Priority);

    private IQueryable<Domain.Notifications.Notification> Shown(PortalDbContext db)
    {
        var userId = UserId();
        var now = Now;
        return db.Notifications.AsNoTracking().Where(n => n.UserId == userId && (n.ExpiresAt == null || n.ExpiresAt > now));
    }

    internal static string Key(Guid userId) => "notifications:" + userId.ToString("N");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Guid UserId() => user.UserId ?? throw new ForbiddenException("Vous devez être connecté.");

    // Notifications are user-owned: the filter already limits every query to the caller's own.
    private PortalDbContext Open() => portalDb.ForCurrentUser(Permissions.Account.Own);
}
