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

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Guessing_the_current_password_is_audited_and_five_guesses_lock_the_account(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid userId;
        await using (var seed = database.Services.CreateAsyncScope())
        {
            var user = seed.ServiceProvider.GetRequiredService<AccountFactory>()
                .Create(null, "Nadia", "Staff", Portal.Domain.Identity.Roles.Staff, Portal.Domain.Identity.UserIdentifier.ForEmail(Portal.Domain.Identity.EmailAddress.Parse("nadia@portal.local")), "Bonjour2026x");
            userId = user.Id;
            await using var db = database.NewContext();
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }

        await using var scope = database.ActAs(userId, Portal.Domain.Identity.Roles.Staff, null);
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };
        scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>().HttpContext = http;
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, userId.ToString())], "test"));
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();

        for (var guess = 1; guess <= 4; guess++)
        {
            Assert.Equal(["Le mot de passe actuel est incorrect."], await accounts.ChangePasswordAsync(principal, $"Devine{guess}abc", "Nouveau2026x"));
        }

        var fifth = await accounts.ChangePasswordAsync(principal, "Devine5abc", "Nouveau2026x");
        Assert.StartsWith("Compte verrouillé", Assert.Single(fifth), StringComparison.Ordinal);
        // Even the right current password is refused while locked.
        Assert.StartsWith("Compte verrouillé", Assert.Single(await accounts.ChangePasswordAsync(principal, "Bonjour2026x", "Nouveau2026x")), StringComparison.Ordinal);

        await using var check = database.NewContext();
        Assert.Equal(4, await check.AuditEntries.CountAsync(a => a.Action == AuditActions.ChangePasswordFailed));
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == AuditActions.LockedOut));
    }
}
