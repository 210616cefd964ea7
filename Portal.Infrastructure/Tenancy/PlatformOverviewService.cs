using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Identity;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Tenancy;

/// <summary>The numbers on the back-office home, for platform staff.</summary>
public sealed class PlatformOverviewService(PortalDb portalDb, TimeProvider clock)
{
    public async Task<PlatformOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = Open();
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-24);
        var tenants = await db.Tenants.CountAsync(cancellationToken);
        var active = await db.Tenants.CountAsync(t => t.IsActive, cancellationToken);
        var signIns = await db.AuditEntries.CountAsync(a => a.Action == AuditActions.SignIn && a.At >= since, cancellationToken);
        var failed = await db.AuditEntries.CountAsync(a => (a.Action == AuditActions.SignInFailed || a.Action == AuditActions.LockedOut) && a.At >= since, cancellationToken);
        return new PlatformOverview(tenants, active, signIns, failed);
    }

    /// <summary>The audit trail, newest first unless another column is asked for, paged in the database.</summary>
    public async Task<Page<AuditEntryView>> ActivityAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Audit.Read);
        var entries = db.AuditEntries.AsNoTracking();
        var total = await entries.CountAsync(cancellationToken);
        entries = (page.SortBy, page.Descending) switch
        {
            (nameof(AuditEntryView.At), false) => entries.OrderBy(a => a.Id),
            (nameof(AuditEntryView.ActorName), false) => entries.OrderBy(a => a.ActorName).ThenByDescending(a => a.Id),
            (nameof(AuditEntryView.ActorName), true) => entries.OrderByDescending(a => a.ActorName).ThenByDescending(a => a.Id),
            (nameof(AuditEntryView.Action), false) => entries.OrderBy(a => a.Action).ThenByDescending(a => a.Id),
            (nameof(AuditEntryView.Action), true) => entries.OrderByDescending(a => a.Action).ThenByDescending(a => a.Id),
            (nameof(AuditEntryView.EntityType), false) => entries.OrderBy(a => a.EntityType).ThenByDescending(a => a.Id),
            (nameof(AuditEntryView.EntityType), true) => entries.OrderByDescending(a => a.EntityType).ThenByDescending(a => a.Id),
            (nameof(AuditEntryView.IpAddress), false) => entries.OrderBy(a => a.IpAddress).ThenByDescending(a => a.Id),
            (nameof(AuditEntryView.IpAddress), true) => entries.OrderByDescending(a => a.IpAddress).ThenByDescending(a => a.Id),
            _ => entries.OrderByDescending(a => a.Id),
        };
        var items = await entries.Skip(page.SafeSkip).Take(page.SafeTake)
            .Select(a => new AuditEntryView(a.At, a.ActorName, a.Action, a.EntityType, a.EntityId, a.IpAddress))
            .ToListAsync(cancellationToken);
        return new Page<AuditEntryView>(items, total);
    }

    private PortalDbContext Open() => portalDb.ForCurrentUser(Permissions.Platform.Overview);
}
