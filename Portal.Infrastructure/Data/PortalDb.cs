using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Data;

/// <summary>
/// The only way services open a context: short-lived (Blazor circuits live long), scoped to the caller.
/// A tenant user sees their tenant's rows; platform staff see the tenant registry and the audit trail,
/// and reach a tenant's own rows only through <see cref="CrossTenantAsync"/>, which is audited.
/// </summary>
public sealed class PortalDb(IDbContextFactory<PortalDbContext> factory, CurrentUser user, AuditTrail audit)
{
    public PortalDbContext ForCurrentUser()
    {
        if (!user.IsAuthenticated)
        {
            throw new ForbiddenException("Vous devez être connecté pour accéder à ces données.");
        }

        var db = factory.CreateDbContext();
        if (user.IsPlatformStaff)
        {
            db.ScopeToPlatform();
        }
        else if (user.TenantId is { } tenantId)
        {
            db.ScopeToTenant(tenantId);
        }

        return db;
    }

    /// <summary>
    /// Platform staff onboarding a company: the registry plus that one tenant's rows. Not recorded as a
    /// cross-tenant access because every onboarding action writes its own audit entry.
    /// </summary>
    public PortalDbContext ForOnboarding(Guid tenantId)
    {
        if (!user.IsPlatformStaff)
        {
            throw new ForbiddenException("L'onboarding est réservé à l'équipe plateforme.");
        }

        var db = factory.CreateDbContext();
        db.ScopeToPlatform();
        db.ScopeToTenant(tenantId);
        return db;
    }

    /// <summary>A context for one tenant's rows (or every tenant's when <paramref name="tenantId"/> is null), recorded in the audit trail.</summary>
    public async Task<PortalDbContext> CrossTenantAsync(string reason, Guid? tenantId, CancellationToken cancellationToken = default)
    {
        if (!user.IsPlatformStaff)
        {
            throw new ForbiddenException("Seule l'équipe plateforme peut accéder aux données de plusieurs entreprises.");
        }

        var db = factory.CreateDbContext();
        if (tenantId is { } one)
        {
            db.ScopeToTenant(one);
        }
        else
        {
            db.AllowCrossTenant();
        }

        db.AuditEntries.Add(audit.Entry(AuditActions.CrossTenantAccess, "tenant", tenantId, new { reason }, tenantId));
        await db.SaveChangesAsync(cancellationToken);
        return db;
    }
}
