using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Identity;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Data;

/// <summary>
/// The only door to the data. Each entry point checks who is calling, then opens a short-lived context (Blazor circuits
/// live long) whose scope is fixed: tenant users see their tenant's rows; platform staff see the platform's records and
/// reach one tenant's rows only for onboarding or through <see cref="CrossTenantAsync"/>, which is audited; background
/// jobs have <see cref="ForJob"/>.
/// </summary>
public sealed class PortalDb(PortalDbContextFactory factory, CurrentUser user, AuditTrail audit)
{
    /// <summary>The caller's own scope, after checking the permission: their tenant's rows, or the platform's records for staff.</summary>
    public PortalDbContext ForCurrentUser(Permission permission)
    {
        user.Demand(permission);
        return user.IsPlatformStaff
            ? factory.Create(new DataScope(user.UserId, null, Platform: true, AllTenants: false, "staff"))
            : factory.Create(new DataScope(user.UserId, user.TenantId, Platform: false, AllTenants: false, "tenant"));
    }

    /// <summary>
    /// Platform staff working on one company they are taking on: the platform's records plus that tenant's rows. Not recorded
    /// as a cross-tenant access because every onboarding action writes its own audit entry.
    /// </summary>
    public PortalDbContext ForOnboarding(Guid tenantId)
    {
        user.Demand(Permissions.Onboarding.Manage);
        return factory.Create(new DataScope(user.UserId, tenantId, Platform: true, AllTenants: false, "onboarding"));
    }

    /// <summary>A context for one tenant's rows (or every tenant's when <paramref name="tenantId"/> is null), recorded in the audit trail.</summary>
    public async Task<PortalDbContext> CrossTenantAsync(string reason, Guid? tenantId, CancellationToken cancellationToken = default)
    {
        user.Demand(Permissions.Tenants.ReadData);
        var db = factory.Create(new DataScope(user.UserId, tenantId, Platform: false, AllTenants: tenantId is null, "cross-tenant"));
        db.AuditEntries.Add(audit.Entry(AuditActions.CrossTenantAccess, "tenant", tenantId, new { reason }, tenantId));
        await db.SaveChangesAsync(cancellationToken);
        return db;
    }

    /// <summary>
    /// Background work (Quartz jobs, start-up recovery): no signed-in person, one tenant's rows plus the platform's records
    /// the job keeps (its run, the onboarding it closes) and the notifications it sends. Refused inside a signed-in request
    /// or circuit, so a page can never borrow a job's reach.
    /// </summary>
    /// <param name="tenantId">The tenant the job works for; null to reach only the platform's records (to find a run's tenant first).</param>
    /// <param name="reason">What the job does, named in the logs when a write is refused.</param>
    public PortalDbContext ForJob(Guid? tenantId, string reason)
    {
        if (user.IsAuthenticated)
        {
            throw new ForbiddenException("Accès refusé : cette porte est réservée aux tâches de fond.");
        }

        return factory.Create(new DataScope(null, tenantId, Platform: true, AllTenants: false, "job:" + reason));
    }

    /// <summary>The signed-in tenant user's own company row (the registry is the platform's; this is the one row a tenant reads).</summary>
    public async Task<Tenant> CurrentTenantAsync(CancellationToken cancellationToken = default)
    {
        user.Demand(Permissions.Workspace.Read);
        await using var db = factory.Create(new DataScope(user.UserId, user.TenantId, Platform: false, AllTenants: false, "own-tenant"));
        return await db.Tenants.IgnoreQueryFilters([PortalDbContext.OwnershipFilter]).AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == user.TenantId, cancellationToken)
            ?? throw new NotFoundException("Votre entreprise est introuvable.");
    }

    /// <summary>
    /// Everything, for the few callers that run before anyone is known: start-up (migrations, first accounts, recovery of
    /// unfinished jobs) and the sign-in audit trail. Internal: no page or public service can ask for it.
    /// </summary>
    internal PortalDbContext ForSystem(string reason) =>
        factory.Create(new DataScope(null, null, Platform: true, AllTenants: true, "system:" + reason));
}
