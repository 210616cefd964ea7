using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Notifications;
using Portal.Domain.Onboarding;
using Portal.Domain.Sales;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Data;

/// <summary>
/// The one context. Every context starts scoped to no tenant: tenant-owned rows are invisible and
/// cannot be written until <see cref="ScopeToTenant"/> or <see cref="AllowCrossTenant"/> is called,
/// which only <see cref="PortalDb"/> and start-up code do.
/// </summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityUserContext<PortalUser, Guid>(options)
{
    private Guid? _tenantId;
    private bool _platform;
    private bool _crossTenant;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<Site> Sites => Set<Site>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Sale> Sales => Set<Sale>();

    public DbSet<OnboardingSession> OnboardingSessions => Set<OnboardingSession>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    public DbSet<Notification> Notifications => Set<Notification>();

    internal void ScopeToTenant(Guid tenantId) => _tenantId = tenantId;

    /// <summary>Platform staff: the tenant registry and the audit trail, but no tenant's own rows.</summary>
    internal void ScopeToPlatform() => _platform = true;

    internal void AllowCrossTenant() => _crossTenant = true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

        // Tenant isolation, enforced here once for every query (EF parameterises these fields per context instance).
        builder.Entity<Tenant>().HasQueryFilter(t => _crossTenant || _platform || t.Id == _tenantId);
        builder.Entity<Site>().HasQueryFilter(s => _crossTenant || s.TenantId == _tenantId);
        builder.Entity<PortalUser>().HasQueryFilter(u => _crossTenant || u.TenantId == _tenantId);
        builder.Entity<AuditEntry>().HasQueryFilter(a => _crossTenant || _platform || a.TenantId == _tenantId);
        builder.Entity<Product>().HasQueryFilter(p => _crossTenant || p.TenantId == _tenantId);
        builder.Entity<Sale>().HasQueryFilter(s => _crossTenant || s.TenantId == _tenantId);

        // Onboarding is the platform team's work: tenant users never see it.
        builder.Entity<OnboardingSession>().HasQueryFilter(s => _crossTenant || _platform);
        builder.Entity<ImportJob>().HasQueryFilter(j => _crossTenant || _platform);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTenantWrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTenantWrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // A row attached by hand (not loaded through the filters) must still belong to the scoped tenant.
    private void GuardTenantWrites()
    {
        if (_crossTenant)
        {
            return;
        }

        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is AuditEntry or Notification || (_platform && entry.Entity is Tenant or OnboardingSession or ImportJob))
            {
                continue;
            }

            var owner = entry.Entity switch
            {
                ITenantOwned owned => owned.TenantId,
                PortalUser user => user.TenantId,
                Tenant tenant => tenant.Id,
                _ => _tenantId,
            };
            if (owner != _tenantId)
            {
                throw new ForbiddenException("Accès refusé : cet élément appartient à une autre entreprise.");
            }
        }
    }
}
