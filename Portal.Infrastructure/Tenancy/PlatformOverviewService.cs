using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
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

    public async Task<IReadOnlyList<AuditEntryView>> RecentActivityAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Audit.Read);
        return await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Id)
            .Take(Math.Clamp(count, 1, 100))
            .Select(a => new AuditEntryView(a.At, a.ActorName, a.Action, a.EntityType, a.EntityId, a.IpAddress))
            .ToListAsync(cancellationToken);
    }

    private PortalDbContext Open() => portalDb.ForCurrentUser(Permissions.Platform.Overview);
}
