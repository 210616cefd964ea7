using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Identity;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Tenancy;
using Portal.Tests.Support;

namespace Portal.Tests.Tenancy;

/// <summary>A user of tenant A can neither read, list, update nor delete tenant B's rows, through any service.</summary>
public class TenantIsolationTests
{
    private sealed record World(Guid TenantA, Guid OwnerA, Guid SiteA, Guid TenantB, Guid OwnerB, Guid SiteB, Guid BranchB, Guid Staff);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_tenant_user_sees_only_their_own_sites_users_and_company(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await ArrangeAsync(database);

        await using var scope = database.ActAs(world.OwnerA, Roles.Owner, world.TenantA);
        var sites = await scope.ServiceProvider.GetRequiredService<SiteService>().ListAsync();
        var workspace = scope.ServiceProvider.GetRequiredService<TenantWorkspaceService>();

        Assert.Equal([world.SiteA], sites.Select(s => s.Id));
        Assert.Equal("Alpha SARL", (await workspace.GetCurrentTenantAsync()).Name);
        Assert.Equal([world.OwnerA], (await workspace.ListUsersAsync()).Select(u => u.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_tenant_user_cannot_read_update_or_deactivate_another_tenants_site(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await ArrangeAsync(database);

        await using var scope = database.ActAs(world.OwnerA, Roles.Owner, world.TenantA);
        var service = scope.ServiceProvider.GetRequiredService<SiteService>();

        await Assert.ThrowsAsync<NotFoundException>(() => service.GetAsync(world.SiteB));
        await Assert.ThrowsAsync<NotFoundException>(() => service.UpdateAsync(world.SiteB, new SiteInput("Piraté", null)));
        await Assert.ThrowsAsync<NotFoundException>(() => service.DeactivateAsync(world.BranchB));

        await using var db = database.NewContext();
        var siteB = await db.Sites.SingleAsync(s => s.Id == world.SiteB);
        var branchB = await db.Sites.SingleAsync(s => s.Id == world.BranchB);
        Assert.Equal("Beta Siège", siteB.Name);
        Assert.True(branchB.IsActive);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_row_of_another_tenant_attached_by_hand_cannot_be_saved(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await ArrangeAsync(database);

        await using var scope = database.ActAs(world.OwnerA, Roles.Owner, world.TenantA);
        await using var db = scope.ServiceProvider.GetRequiredService<PortalDb>().ForCurrentUser(Permissions.Workspace.Read);
        var forged = new Site(world.TenantB, "Intrus", null, SiteType.Branch);
        db.Sites.Add(forged);

        await Assert.ThrowsAsync<ForbiddenException>(() => db.SaveChangesAsync());
        await using var check = database.NewContext();
        Assert.False(await check.Sites.AnyAsync(s => s.Id == forged.Id));
    }

    [Theory]
    [MemberData(nameof(ProvidersAndReadOnlyRoles))]
    public async Task Members_and_viewers_may_read_sites_but_not_change_them(string provider, string role)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await ArrangeAsync(database);

        await using var scope = database.ActAs(Guid.NewGuid(), role, world.TenantA);
        var service = scope.ServiceProvider.GetRequiredService<SiteService>();

        Assert.Single(await service.ListAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => service.UpdateAsync(world.SiteA, new SiteInput("Nouveau nom", null)));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.CreateBranchAsync(new SiteInput("Annexe", null)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Tenant_users_cannot_reach_platform_services_nor_the_cross_tenant_path(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await ArrangeAsync(database);

        await using var scope = database.ActAs(world.OwnerA, Roles.Owner, world.TenantA);
        await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<PlatformOverviewService>().GetAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<PortalDb>().CrossTenantAsync("curiosity", world.TenantB));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Platform_staff_see_the_tenant_registry_but_reach_tenant_rows_only_through_the_audited_path(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await ArrangeAsync(database);

        await using var scope = database.ActAs(world.Staff, Roles.Staff, null, name: "Nadia Staff");
        var overview = await scope.ServiceProvider.GetRequiredService<PlatformOverviewService>().GetAsync();
        Assert.Equal(2, overview.TenantCount);

        var portalDb = scope.ServiceProvider.GetRequiredService<PortalDb>();
        await using (var platform = portalDb.ForCurrentUser(Permissions.Platform.Overview))
        {
            Assert.Empty(await platform.Sites.ToListAsync());
        }

        await using (var cross = await portalDb.CrossTenantAsync("support ticket 42", world.TenantB))
        {
            Assert.Equal(3, await cross.Sites.CountAsync());
        }

        await using var check = database.NewContext();
        var entry = await check.AuditEntries.SingleAsync(a => a.Action == AuditActions.CrossTenantAccess);
        Assert.Equal(world.Staff, entry.ActorId);
        Assert.Equal(world.TenantB, entry.TenantId);
        Assert.Contains("support ticket 42", entry.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Changes_write_an_audit_entry_with_actor_address_and_agent_in_the_same_commit(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await ArrangeAsync(database);

        await using (var scope = database.ActAs(world.OwnerA, Roles.Owner, world.TenantA, name: "Awa Alpha", ip: "41.82.1.2", userAgent: "Firefox/140"))
        {
            var service = scope.ServiceProvider.GetRequiredService<SiteService>();
            await service.UpdateAsync(world.SiteA, new SiteInput("Alpha Plateau", "Rue 10, Dakar"));
            var branch = await service.CreateBranchAsync(new SiteInput("Alpha Thiès", null));
            await service.DeactivateAsync(branch.Id);
        }

        await using var db = database.NewContext();
        var entries = await db.AuditEntries.OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditActions.UpdateSite, AuditActions.CreateSite, AuditActions.DeactivateSite], entries.Select(e => e.Action));
        var update = entries[0];
        Assert.Equal(world.OwnerA, update.ActorId);
        Assert.Equal("Awa Alpha", update.ActorName);
        Assert.Equal(world.TenantA, update.TenantId);
        Assert.Equal("41.82.1.2", update.IpAddress);
        Assert.Equal("Firefox/140", update.UserAgent);
        Assert.Contains("Alpha Plateau", update.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_rule_broken_in_a_change_writes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await ArrangeAsync(database);

        await using (var scope = database.ActAs(world.OwnerA, Roles.Owner, world.TenantA))
        {
            var service = scope.ServiceProvider.GetRequiredService<SiteService>();
            var error = await Assert.ThrowsAsync<DomainException>(() => service.DeactivateAsync(world.SiteA));
            Assert.Equal("Le site principal ne peut pas être désactivé.", error.Message);
            await Assert.ThrowsAsync<DomainException>(() => service.UpdateAsync(world.SiteA, new SiteInput("  ", null)));
        }

        await using var db = database.NewContext();
        Assert.Empty(await db.AuditEntries.ToListAsync());
        Assert.True((await db.Sites.SingleAsync(s => s.Id == world.SiteA)).IsActive);
    }

    public static TheoryData<string, string> ProvidersAndReadOnlyRoles()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in Providers.All)
        {
            data.Add(provider, Roles.Member);
            data.Add(provider, Roles.Viewer);
        }

        return data;
    }

    private static async Task<World> ArrangeAsync(TestDatabase database)
    {
        var tenantA = new Tenant(CompanyName.Create("Alpha SARL"), null, Sector.Retail, Country.Senegal, "tests");
        var tenantB = new Tenant(CompanyName.Create("Beta SA"), null, Sector.Wholesale, Country.Senegal, "tests");
        var siteA = new Site(tenantA.Id, "Alpha Siège", null, SiteType.Main);
        var siteB = new Site(tenantB.Id, "Beta Siège", null, SiteType.Main);
        var branchB = new Site(tenantB.Id, "Beta Annexe", null, SiteType.Branch);
        var branchB2 = new Site(tenantB.Id, "Beta Dépôt", null, SiteType.Branch);
        var ownerA = NewUser(tenantA.Id, "owner@alpha.sn", Roles.Owner);
        var ownerB = NewUser(tenantB.Id, "owner@beta.sn", Roles.Owner);
        var staff = NewUser(null, "staff@portal.local", Roles.Staff);

        await using var db = database.NewContext();
        db.Tenants.AddRange(tenantA, tenantB);
        db.Sites.AddRange(siteA, siteB, branchB, branchB2);
        db.Users.AddRange(ownerA, ownerB, staff);
        await db.SaveChangesAsync();
        return new World(tenantA.Id, ownerA.Id, siteA.Id, tenantB.Id, ownerB.Id, siteB.Id, branchB.Id, staff.Id);
    }

    private static PortalUser NewUser(Guid? tenantId, string email, string role) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        FirstName = "Test",
        LastName = role,
        Role = role,
        SecurityStamp = Guid.NewGuid().ToString(),
        CreatedAt = DateTime.UtcNow,
    };
}
