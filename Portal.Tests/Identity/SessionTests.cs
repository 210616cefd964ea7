using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Identity;
using Portal.Domain.Messaging;
using Portal.Infrastructure.Identity;
using Portal.Tests.Support;

namespace Portal.Tests.Identity;

public class SessionTests
{
    private const string Password = "Bonjour2026x";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Signing_out_ends_the_session_so_a_cookie_saved_before_opens_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddUserAsync(database, "awa@demo.sn");
        var browser = new CookieJar(database);

        Assert.True((await browser.SignInAsync("awa@demo.sn", Password)).Succeeded);
        var saved = await browser.PrincipalAsync();
        Assert.True(await browser.IsValidAsync(saved));

        await browser.RunAsync(scope => scope.GetRequiredService<AccountService>().SignOutAsync(saved));

        Assert.False(await browser.IsValidAsync(saved));
        Assert.False(await browser.IsValidAsync(saved, fresh: true));
        await using var db = database.NewContext();
        Assert.Equal(SessionEndReasons.SignOut, (await db.UserSessions.SingleAsync()).RevokedReason);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_new_password_ends_every_session_of_the_account_and_keeps_this_browser_signed_in(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddUserAsync(database, "awa@demo.sn");
        var phone = new CookieJar(database);
        var laptop = new CookieJar(database);
        await phone.SignInAsync("awa@demo.sn", Password);
        await laptop.SignInAsync("awa@demo.sn", Password);
        var before = await phone.PrincipalAsync();
        var other = await laptop.PrincipalAsync();

        var problems = await phone.RunAsync(scope => scope.GetRequiredService<AccountService>().ChangePasswordAsync(before, Password, "Nouveau2026x"));

        Assert.Empty(problems);
        Assert.False(await laptop.IsValidAsync(other, fresh: true));
        Assert.False(await phone.IsValidAsync(before, fresh: true));
        Assert.True(await phone.IsValidAsync(await phone.PrincipalAsync(), fresh: true));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_deactivated_account_or_a_changed_role_ends_the_sessions_it_had(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var userId = await AddUserAsync(database, "awa@demo.sn");
        var browser = new CookieJar(database);
        await browser.SignInAsync("awa@demo.sn", Password);
        var principal = await browser.PrincipalAsync();

        await SetAsync(database, userId, u => u.IsActive = false);
        Assert.False(await browser.IsValidAsync(principal, fresh: true));

        await SetAsync(database, userId, u => u.IsActive = true);
        Assert.True(await browser.IsValidAsync(principal, fresh: true));

        await SetAsync(database, userId, u => u.Role = Roles.Admin);
        Assert.False(await browser.IsValidAsync(principal, fresh: true));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Guesses_from_elsewhere_do_not_lock_out_a_browser_that_signed_in_before_and_the_owner_is_told(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var userId = await AddUserAsync(database, "awa@demo.sn");
        var own = new CookieJar(database);
        await own.SignInAsync("awa@demo.sn", Password);
        await own.RunAsync(scope => scope.GetRequiredService<AccountService>().SignOutAsync(own.Principal!));

        var attacker = new CookieJar(database);
        for (var guess = 1; guess < 5; guess++)
        {
            Assert.Equal(SignInOutcome.InvalidCredentials, (await attacker.SignInAsync("awa@demo.sn", $"Devine{guess}abc")).Outcome);
        }

        Assert.Equal(SignInOutcome.LockedOut, (await attacker.SignInAsync("awa@demo.sn", "Devine5abc")).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await attacker.SignInAsync("awa@demo.sn", Password)).Outcome);

        // The owner's own browser still signs in, and the bell tells them what happened.
        Assert.True((await own.SignInAsync("awa@demo.sn", Password)).Succeeded);
        await using (var db = database.NewContext())
        {
            var notice = await db.OutboxMessages.SingleAsync(m => m.UserId == userId && m.Channel == MessageChannel.InApp);
            Assert.Equal("Votre compte a été verrouillé", notice.Subject);
            Assert.Equal(MessagePriority.Urgent, notice.Priority);
        }

        // Its own counter still stops guessing from it.
        for (var guess = 1; guess < 5; guess++)
        {
            Assert.Equal(SignInOutcome.InvalidCredentials, (await own.SignInAsync("awa@demo.sn", $"Oubli{guess}abc")).Outcome);
        }

        Assert.Equal(SignInOutcome.LockedOut, (await own.SignInAsync("awa@demo.sn", "Oubli5abc")).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await own.SignInAsync("awa@demo.sn", Password)).Outcome);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Platform_admins_are_alerted_when_one_account_is_locked_again_and_again(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var adminId = await AddUserAsync(database, "chef@portal.local", Roles.Admin, tenant: false);
        var userId = await AddUserAsync(database, "awa@demo.sn");
        var attacker = new CookieJar(database);

        for (var round = 1; round <= LockoutAlerts.StaffAlertThreshold; round++)
        {
            await SetAsync(database, userId, u => (u.LockoutEnd, u.AccessFailedCount) = (null, 0));
            // Five guesses lock the account; the two tries during the lock are not new locks.
            for (var guess = 1; guess <= 7; guess++)
            {
                await attacker.SignInAsync("awa@demo.sn", $"Devine{guess}abc");
            }

            await using var db = database.NewContext();
            Assert.Equal(round == LockoutAlerts.StaffAlertThreshold ? 1 : 0, await db.OutboxMessages.CountAsync(m => m.UserId == adminId && m.Channel == MessageChannel.InApp));
        }

        await using var check = database.NewContext();
        Assert.Contains("verrouillé 3 fois en 24 heures", (await check.OutboxMessages.SingleAsync(m => m.UserId == adminId && m.Channel == MessageChannel.InApp)).Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_unknown_identifier_gets_the_same_lock_message_as_a_real_account(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddUserAsync(database, "awa@demo.sn");
        var attacker = new CookieJar(database);
        SignInAttempt known = default!, unknown = default!;
        for (var guess = 1; guess <= 5; guess++)
        {
            known = await attacker.SignInAsync("awa@demo.sn", $"Devine{guess}abc");
            unknown = await attacker.SignInAsync("personne@demo.sn", $"Devine{guess}abc");
            Assert.Equal(known.Message, unknown.Message);
        }

        Assert.Equal((SignInOutcome.LockedOut, SignInOutcome.LockedOut), (known.Outcome, unknown.Outcome));
        Assert.StartsWith("Compte verrouillé", unknown.Message, StringComparison.Ordinal);
    }

    private static async Task<Guid> AddUserAsync(TestDatabase database, string email, string role = Roles.Owner, bool tenant = true)
    {
        await using var scope = database.Services.CreateAsyncScope();
        Guid? tenantId = null;
        await using var db = database.NewContext();
        if (tenant)
        {
            var company = new Portal.Domain.Tenancy.Tenant(Portal.Domain.Tenancy.CompanyName.Create("Boutique " + Guid.NewGuid().ToString("N")[..6]), null,
                Portal.Domain.Tenancy.Sector.Retail, Portal.Domain.Common.Country.Senegal, "tests");
            db.Tenants.Add(company);
            tenantId = company.Id;
        }

        var user = scope.ServiceProvider.GetRequiredService<AccountFactory>()
            .Create(tenantId, "Awa", "Diop", role, UserIdentifier.ForEmail(EmailAddress.Parse(email)), Password);
        user.MustChangePassword = false;
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    private static async Task SetAsync(TestDatabase database, Guid userId, Action<PortalUser> change)
    {
        await using var db = database.NewContext();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        change(user);
        await db.SaveChangesAsync();
    }

    /// <summary>One browser: each call is a request with the cookies the earlier answers set.</summary>
    private sealed class CookieJar(TestDatabase database)
    {
        private readonly Dictionary<string, string> cookies = [];

        public ClaimsPrincipal? Principal { get; private set; }

        public async Task<SignInAttempt> SignInAsync(string identifier, string password)
        {
            var attempt = await RunAsync(scope => scope.GetRequiredService<AccountService>().SignInAsync(identifier, password));
            if (attempt.Succeeded)
            {
                Principal = await PrincipalAsync();
            }

            return attempt;
        }

        /// <summary>What the sign-in cookie this browser holds says (null when it holds none).</summary>
        public async Task<ClaimsPrincipal> PrincipalAsync() =>
            (await RunAsync(async _ => (await CurrentHttp!.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Principal))!;

        public Task<bool> IsValidAsync(ClaimsPrincipal principal, bool fresh = false) =>
            RunAsync(scope => scope.GetRequiredService<SessionStore>().IsValidAsync(principal, fresh));

        public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> request)
        {
            await using var scope = database.Services.CreateAsyncScope();
            var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            http.Request.Headers.Cookie = string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value));
            scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SetClient("10.0.0.7", "tests");
            CurrentHttp = http;
            var result = await request(scope.ServiceProvider);
            foreach (var header in http.Response.Headers.SetCookie)
            {
                var pair = header!.Split(';')[0].Split('=', 2);
                if (pair[1].Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    cookies.Remove(pair[0]);
                }
                else
                {
                    cookies[pair[0]] = pair[1];
                }
            }

            return result;
        }

        public Task RunAsync(Func<IServiceProvider, Task> request) => RunAsync(async scope =>
        {
            await request(scope);
            return true;
        });

        private HttpContext? CurrentHttp { get; set; }
    }
}
