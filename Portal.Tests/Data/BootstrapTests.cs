using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Auditing;
using Portal.Infrastructure.Bootstrap;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

public class BootstrapTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_first_run_creates_the_admin_once_with_its_audit_entry(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var first = await scope.ServiceProvider.GetRequiredService<BootstrapSeeder>().SeedAsync();
            // No address configured: a login nobody can guess (and so nobody can lock out), printed once.
            Assert.Matches("^admin-[a-z2-9]{6}@portal\\.local$", Assert.Single(first).Identifier);
        }

        await using (var scope = database.Services.CreateAsyncScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<BootstrapSeeder>().SeedAsync());
        }

        await using var db = database.NewContext();
        var admin = await db.Users.SingleAsync();
        Assert.True(admin.MustChangePassword);
        Assert.True(admin.LockoutEnabled);
        Assert.Equal(admin.Id, (await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.BootstrapAdmin)).ActorId);
    }
}
