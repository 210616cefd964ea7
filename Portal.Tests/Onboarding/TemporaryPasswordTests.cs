using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Identity;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Onboarding;
using Portal.Tests.Support;

namespace Portal.Tests.Onboarding;

public class TemporaryPasswordTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Staff_can_issue_a_new_temporary_password_while_the_onboarding_is_open_and_it_is_audited(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var harness = await OnboardingHarness.CreateAsync(database);
        var sessionId = await harness.AsStaffAsync(s => s.CreateCompanyAsync(new CompanyInput("Keur Fatou", null, Sector.Retail, "SN", "Boutique", "Dakar")));
        var created = await harness.AsStaffAsync(s => s.CreateUsersAsync(sessionId, [new UserInput("Fatou", "Sarr", "77 888 99 00", Roles.Owner)]));
        var first = Assert.Single(created);

        var fresh = await harness.AsStaffAsync(s => s.RegenerateTemporaryPasswordAsync(sessionId, first.Identifier));

        Assert.NotEqual(first.TemporaryPassword, fresh.TemporaryPassword);
        await using (var db = database.NewContext())
        {
            var account = await db.Users.SingleAsync(u => u.UserName == first.Identifier);
            var hasher = database.Services.GetRequiredService<IPasswordHasher<PortalUser>>();
            Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(account, account.PasswordHash!, first.TemporaryPassword));
            Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(account, account.PasswordHash!, fresh.TemporaryPassword));
            Assert.True(account.MustChangePassword);
            var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.RegenerateTemporaryPassword);
            Assert.Equal(account.Id.ToString(), entry.EntityId);
            Assert.DoesNotContain(fresh.TemporaryPassword, entry.Details ?? string.Empty, StringComparison.Ordinal);
        }

        await Assert.ThrowsAsync<NotFoundException>(() => harness.AsStaffAsync(s => s.RegenerateTemporaryPasswordAsync(sessionId, "+221770000000")));

        // Not for a tenant user, and not once the onboarding is over.
        var tenantId = await harness.AsStaffAsync(async s => (await s.GetAsync(sessionId)).TenantId);
        await using (var tenantScope = database.ActAs(Guid.NewGuid(), Roles.Owner, tenantId))
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => tenantScope.ServiceProvider.GetRequiredService<OnboardingService>().RegenerateTemporaryPasswordAsync(sessionId, first.Identifier));
        }

        await using (var db = database.NewContext())
        {
            (await db.OnboardingSessions.SingleAsync(s => s.Id == sessionId)).Complete(DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        await Assert.ThrowsAsync<DomainException>(() => harness.AsStaffAsync(s => s.RegenerateTemporaryPasswordAsync(sessionId, first.Identifier)));
    }
}
