using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Auditing;
using Portal.Infrastructure.Identity;
using Portal.Tests.Support;

namespace Portal.Tests.Identity;

public class AccountServiceTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_unknown_identifier_is_refused_like_a_wrong_password_and_never_named_as_the_actor(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();

        var attempt = await accounts.SignInAsync("directeur.general@concurrent.sn", "Devine2026x");

        Assert.Equal((SignInOutcome.InvalidCredentials, AccountService.WrongCredentialsMessage), (attempt.Outcome, attempt.Message));
        await using var db = database.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.SignInFailed);
        Assert.Equal(AccountService.UnknownActor, entry.ActorName);
        Assert.Contains("directeur.general@concurrent.sn", entry.Details, StringComparison.Ordinal);
    }
}
