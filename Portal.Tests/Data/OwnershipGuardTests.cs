using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Notifications;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Data;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

/// <summary>The write guard and the filters, straight on scoped contexts.</summary>
public class OwnershipGuardTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_tenant_context_cannot_write_another_tenants_audit_entry_nor_change_the_trail(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (alpha, beta) = await TwoTenantsAsync(database);

        await using (var db = database.NewTenantContext(alpha))
        {
            db.AuditEntries.Add(new AuditEntry(null, "x", beta, "forged", null, null, "{}", null, null, DateTime.UtcNow));
            await Assert.ThrowsAsync<ForbiddenException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.NewTenantContext(alpha))
        {
            db.AuditEntries.Add(new AuditEntry(null, "x", alpha, "own", null, null, "{}", null, null, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        await using (var staff = Scoped(database, new DataScope(Guid.NewGuid(), null, Platform: true, AllTenants: false, "tests")))
        {
            var entry = await staff.AuditEntries.SingleAsync();
            staff.AuditEntries.Remove(entry);
            var refused = await Assert.ThrowsAsync<ForbiddenException>(() => staff.SaveChangesAsync());
            Assert.Contains("journal d'audit", refused.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Notifications_are_seen_and_changed_by_their_owner_only(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (alpha, _) = await TwoTenantsAsync(database);
        var awa = Guid.NewGuid();
        var moussa = Guid.NewGuid();
        await using (var db = database.NewContext())
        {
            db.Users.Add(new Portal.Infrastructure.Identity.PortalUser { Id = awa, TenantId = alpha, UserName = "awa", Role = "Owner" });
            db.Users.Add(new Portal.Infrastructure.Identity.PortalUser { Id = moussa, TenantId = alpha, UserName = "moussa", Role = "Member" });
            db.Notifications.Add(new Notification(Guid.NewGuid(), awa, "Pour Awa", "corps", null, Portal.Domain.Messaging.MessagePriority.Normal, null));
            await db.SaveChangesAsync();
        }

        await using (var asMoussa = Scoped(database, new DataScope(moussa, alpha, Platform: false, AllTenants: false, "tests")))
        {
            Assert.Empty(await asMoussa.Notifications.ToListAsync());
            asMoussa.Notifications.Add(new Notification(Guid.NewGuid(), awa, "Faux", "corps", null, Portal.Domain.Messaging.MessagePriority.Normal, null));
            await Assert.ThrowsAsync<ForbiddenException>(() => asMoussa.SaveChangesAsync());
        }

        await using var asAwa = Scoped(database, new DataScope(awa, alpha, Platform: false, AllTenants: false, "tests"));
        Assert.Equal("Pour Awa", (await asAwa.Notifications.SingleAsync()).Title);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Moving_a_row_to_another_tenant_is_refused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (alpha, beta) = await TwoTenantsAsync(database);
        await using var db = database.NewTenantContext(alpha);
        var site = await db.Sites.SingleAsync();
        db.Entry(site).Property(nameof(Site.TenantId)).CurrentValue = beta;
        await Assert.ThrowsAsync<ForbiddenException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_unscoped_context_sees_nothing_and_writes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (alpha, _) = await TwoTenantsAsync(database);
        await using var db = Scoped(database, DataScope.Nothing);
        Assert.Empty(await db.Tenants.ToListAsync());
        Assert.Empty(await db.Sites.ToListAsync());
        db.Sites.Add(new Site(alpha, "Annexe", null, SiteType.Branch));
        await Assert.ThrowsAsync<ForbiddenException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Created_and_updated_times_come_from_the_clock(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (alpha, _) = await TwoTenantsAsync(database);
        await using var db = database.NewTenantContext(alpha);
        var site = await db.Sites.SingleAsync();
        var created = site.CreatedAt;
        Assert.NotEqual(default, created);
        site.Update("Siège rénové", null);
        await db.SaveChangesAsync();
        Assert.True(site.UpdatedAt >= created);
        Assert.Equal(created, site.CreatedAt);
    }

    private static PortalDbContext Scoped(TestDatabase database, DataScope scope) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<PortalDbContextFactory>(database.Services).Create(scope);

    private static async Task<(Guid Alpha, Guid Beta)> TwoTenantsAsync(TestDatabase database)
    {
        var alpha = new Tenant(CompanyName.Create("Alpha"), null, Sector.Retail, Country.Senegal, "tests");
        var beta = new Tenant(CompanyName.Create("Beta"), null, Sector.Retail, Country.Senegal, "tests");
        await using var db = database.NewContext();
        db.Tenants.AddRange(alpha, beta);
        db.Sites.Add(new Site(alpha.Id, "Siège Alpha", null, SiteType.Main));
        db.Sites.Add(new Site(beta.Id, "Siège Beta", null, SiteType.Main));
        await db.SaveChangesAsync();
        return (alpha.Id, beta.Id);
    }
}
