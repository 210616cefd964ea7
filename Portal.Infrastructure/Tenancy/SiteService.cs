using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Identity;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Tenancy;

/// <summary>A tenant's sites. Reads for every tenant role; changes for Owner and Manager.</summary>
public sealed class SiteService(PortalDb portalDb, CurrentUser user, AuditTrail audit)
{
    public async Task<IReadOnlyList<SiteView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = OpenForTenantUser();
        return await db.Sites.AsNoTracking()
            .OrderByDescending(s => s.Type == SiteType.Main).ThenBy(s => s.Name)
            .Select(s => new SiteView(s.Id, s.Name, s.Address, s.Type, s.IsActive))
            .ToListAsync(cancellationToken);
    }

    public async Task<SiteView> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = OpenForTenantUser();
        var site = await FindAsync(db, id, cancellationToken);
        return ToView(site);
    }

    public async Task<SiteView> CreateBranchAsync(SiteInput input, CancellationToken cancellationToken = default)
    {
        await using var db = OpenForManager();
        var site = new Site(user.TenantId!.Value, input.Name, input.Address, SiteType.Branch);
        db.Sites.Add(site);
        db.AuditEntries.Add(audit.Entry(AuditActions.CreateSite, "site", site.Id, new { site.Name }));
        await db.SaveChangesAsync(cancellationToken);
        return ToView(site);
    }

    public async Task<SiteView> UpdateAsync(Guid id, SiteInput input, CancellationToken cancellationToken = default)
    {
        await using var db = OpenForManager();
        var site = await FindAsync(db, id, cancellationToken);
        site.Update(input.Name, input.Address);
        db.AuditEntries.Add(audit.Entry(AuditActions.UpdateSite, "site", site.Id, new { site.Name, site.Address }));
        await db.SaveChangesAsync(cancellationToken);
        return ToView(site);
    }

    public async Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = OpenForManager();
        var site = await FindAsync(db, id, cancellationToken);
        site.Deactivate();
        db.AuditEntries.Add(audit.Entry(AuditActions.DeactivateSite, "site", site.Id, new { site.Name }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private PortalDbContext OpenForTenantUser() => portalDb.ForCurrentUser(Permissions.Workspace.Read);

    private PortalDbContext OpenForManager() => portalDb.ForCurrentUser(Permissions.Sites.Manage);

    // The query filter hides other tenants' rows, so "not yours" and "does not exist" read the same.
    private static async Task<Site> FindAsync(PortalDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Sites.FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new NotFoundException("Ce site n'existe pas.");

    private static SiteView ToView(Site s) => new(s.Id, s.Name, s.Address, s.Type, s.IsActive);
}
