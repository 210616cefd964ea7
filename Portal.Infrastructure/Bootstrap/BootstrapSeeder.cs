using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Dashboard;
using Portal.Domain.Identity;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Dashboard;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Onboarding;

namespace Portal.Infrastructure.Bootstrap;

/// <summary>
/// First run: the platform admin (and, on request, a demo company). Generated passwords are printed once to the console
/// and never stored in clear; every account must change its password at first sign-in. Each creation commits with its
/// audit entry; running it again changes nothing.
/// </summary>
public sealed class BootstrapSeeder(PortalDb portalDb, AccountFactory accounts, IOptions<BootstrapOptions> options, AuditTrail audit, TimeProvider clock, InsightsCalculator insights)
{
    public const string DemoTenantName = "Démo Commerce SARL";

    public async Task<IReadOnlyList<CreatedLogin>> SeedAsync(CancellationToken cancellationToken = default)
    {
        var created = new List<CreatedLogin>();
        await using var db = portalDb.ForSystem("bootstrap");
        if (!await db.Users.AnyAsync(u => u.Role == Roles.Admin, cancellationToken))
        {
            var email = EmailAddress.Parse(string.IsNullOrWhiteSpace(options.Value.AdminEmail)
                ? $"admin-{RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789", 6)}@portal.local"
                : options.Value.AdminEmail);
            var admin = Add(db, null, "Admin", "Plateforme", Roles.Admin, UserIdentifier.ForEmail(email), created);
            db.AuditEntries.Add(audit.Anonymous(AuditActions.BootstrapAdmin, admin.Id, "system", null, new { email = email.Value }));
            await db.SaveChangesAsync(cancellationToken);
        }

        if (options.Value.Demo && !await db.Tenants.AnyAsync(t => t.Name == DemoTenantName, cancellationToken))
        {
            var (tenant, sites) = SeedDemo(db, created);
            await db.SaveChangesAsync(cancellationToken);
            SeedDemoSales(db, tenant, sites);
            await insights.ComputeAsync(db, tenant.Id, cancellationToken);
        }

        return created;
    }

    private (Tenant Tenant, Site[] Sites) SeedDemo(PortalDbContext db, List<CreatedLogin> created)
    {
        Ninea.TryParse("0012345 2G3", out var ninea, out _);
        var tenant = new Tenant(CompanyName.Create(DemoTenantName), ninea, Sector.Retail, Country.Senegal, "demo");
        tenant.Activate();
        tenant.EnableDashboards(ImportRunner.Dashboards);
        db.Tenants.Add(tenant);
        Site[] sites =
        [
            new(tenant.Id, "Boutique Plateau", "12 avenue Léopold Sédar Senghor, Dakar", SiteType.Main),
            new(tenant.Id, "Dépôt Pikine", "Route des Niayes, Pikine", SiteType.Branch),
        ];
        db.Sites.AddRange(sites);
        db.AuditEntries.Add(audit.Anonymous(AuditActions.CreateTenant, null, "system", tenant.Id, new { tenant.Name, source = "demo" }, "tenant", tenant.Id));
        Add(db, tenant.Id, "Awa", "Diop", Roles.Owner, UserIdentifier.ForEmail(EmailAddress.Parse("awa.diop@demo.sn")), created);
        Add(db, tenant.Id, "Moussa", "Ndiaye", Roles.Manager, UserIdentifier.ForPhone(PhoneNumber.Parse("77 123 45 67")), created);
        Add(db, tenant.Id, "Fatou", "Sarr", Roles.Member, UserIdentifier.ForEmail(EmailAddress.Parse("fatou.sarr@demo.sn")), created);
        Add(db, tenant.Id, "Ibrahima", "Fall", Roles.Viewer, UserIdentifier.ForPhone(PhoneNumber.Parse("76 555 12 34")), created);
        return (tenant, sites);
    }

    /// <summary>Two years of sales through the importer's bulk writer, so the dashboards have something real to show.</summary>
    private void SeedDemoSales(PortalDbContext db, Tenant tenant, Site[] sites)
    {
        var now = clock.GetUtcNow();
        var demo = DemoSales.Create();
        using var writer = ImportWriter.Start(db, tenant.Id, sites[0].Id, now.UtcDateTime, _ => { }, streamOnSqlite: true);
        writer.ProductsRead(demo.Products);
        foreach (var (site, sale) in demo.Lines(BusinessCalendar.Today(now)))
        {
            writer.SaleRead(sale, sites[site].Id);
        }

        writer.Complete();
        writer.Transaction!.Commit();
    }

    private PortalUser Add(PortalDbContext db, Guid? tenantId, string firstName, string lastName, string role, UserIdentifier identifier, List<CreatedLogin> created)
    {
        var password = PasswordPolicy.GenerateTemporary();
        var user = accounts.Create(tenantId, firstName, lastName, role, identifier, password);
        db.Users.Add(user);
        created.Add(new CreatedLogin(role, identifier.Value, password));
        return user;
    }
}
