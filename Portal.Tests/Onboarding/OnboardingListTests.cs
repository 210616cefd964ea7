using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Identity;
using Portal.Domain.Onboarding;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Onboarding;
using Portal.Infrastructure.Tenancy;
using Portal.Tests.Support;

namespace Portal.Tests.Onboarding;

/// <summary>The back-office grids ask the database for one sorted, filtered page at a time.</summary>
public class OnboardingListTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_onboarding_list_is_searched_filtered_sorted_and_paged_in_the_database(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var harness = await OnboardingHarness.CreateAsync(database);
        foreach (var name in new[] { "Épicerie Ndiaye", "Boulangerie Fall", "Quincaillerie Sow", "Épices du Sahel", "Atelier Diop" })
        {
            await harness.AsStaffAsync(s => s.CreateCompanyAsync(new CompanyInput(name, null, Sector.Retail, "SN", "Boutique", "Dakar")));
        }

        var colleague = await OnboardingHarness.CreateAsync(database); // five company creations an hour per person
        var completedId = await colleague.CompanyWithUsersAsync("Keur Commerce");
        await using (var db = database.NewContext())
        {
            var session = await db.OnboardingSessions.FindAsync(completedId);
            session!.Complete(DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        var byName = await harness.AsStaffAsync(s => s.ListAsync(new OnboardingFilter(), new PageRequest(0, 4, nameof(OnboardingListItem.TenantName))));
        Assert.Equal(6, byName.Total);
        Assert.Equal(["Atelier Diop", "Boulangerie Fall", "Épicerie Ndiaye", "Épices du Sahel"], byName.Items.Select(i => i.TenantName));
        var secondPage = await harness.AsStaffAsync(s => s.ListAsync(new OnboardingFilter(), new PageRequest(4, 4, nameof(OnboardingListItem.TenantName))));
        Assert.Equal(["Keur Commerce", "Quincaillerie Sow"], secondPage.Items.Select(i => i.TenantName));

        // Search ignores case and accents, as the duplicate check does.
        var epi = await harness.AsStaffAsync(s => s.ListAsync(new OnboardingFilter(" epi"), new PageRequest(0, 20, nameof(OnboardingListItem.TenantName), Descending: true)));
        Assert.Equal(["Épices du Sahel", "Épicerie Ndiaye"], epi.Items.Select(i => i.TenantName));
        Assert.Equal(2, epi.Total);

        var completed = await harness.AsStaffAsync(s => s.ListAsync(new OnboardingFilter(Status: OnboardingStatus.Completed), new PageRequest(0, 20)));
        Assert.Equal("Keur Commerce", Assert.Single(completed.Items).TenantName);

        // A page size asked beyond the limit is capped, a negative offset starts at the beginning.
        var capped = await harness.AsStaffAsync(s => s.ListAsync(new OnboardingFilter(), new PageRequest(-5, 100_000)));
        Assert.Equal(6, capped.Items.Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_activity_feed_is_paged_newest_first_and_sorted_on_request(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var harness = await OnboardingHarness.CreateAsync(database);
        for (var i = 0; i < 3; i++)
        {
            await harness.AsStaffAsync(s => s.CreateCompanyAsync(new CompanyInput($"Entreprise {i}", null, Sector.Retail, "SN", "Boutique", "Dakar")));
        }

        await using var scope = database.ActAs(harness.StaffId, Roles.Admin, null);
        var overview = scope.ServiceProvider.GetRequiredService<PlatformOverviewService>();
        var first = await overview.ActivityAsync(new PageRequest(0, 2));
        Assert.Equal(2, first.Items.Count);
        Assert.True(first.Total >= 3);
        Assert.True(first.Items[0].At >= first.Items[1].At);
        var byAction = await overview.ActivityAsync(new PageRequest(0, 200, nameof(AuditEntryView.Action)));
        Assert.Equal(byAction.Items.Select(a => a.Action).Order(StringComparer.Ordinal), byAction.Items.Select(a => a.Action));

        await using var tenantScope = database.ActAs(Guid.NewGuid(), Roles.Owner, Guid.NewGuid());
        await Assert.ThrowsAsync<ForbiddenException>(() => tenantScope.ServiceProvider.GetRequiredService<PlatformOverviewService>().ActivityAsync(new PageRequest(0, 10)));
    }
}
