using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Domain.Auditing;
using Portal.Domain.Identity;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Identity;

/// <summary>Sign-in by email or phone, lockout, server-side sessions, first-login password change, theme preference.</summary>
public sealed class AccountService(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    IPasswordHasher<PortalUser> hasher,
    PortalDb portalDb,
    CurrentUser currentUser,
    AuditTrail audit,
    SessionStore sessions,
    TrustedDevices devices,
    LockoutAlerts alerts,
    IMemoryCache cache,
    TimeProvider clock)
{
    public const string WrongCredentialsMessage = "Identifiant ou mot de passe incorrect.";

    /// <summary>The actor of a failed sign-in whose identifier matches no account.</summary>
    public const string UnknownActor = "Identifiant inconnu";

    private static readonly PortalUser TimingDecoy = new() { Id = Guid.Empty, UserName = "decoy" };

    private static string? DecoyHash;

    public async Task<SignInAttempt> SignInAsync(string? identifierText, string? password, CancellationToken cancellationToken = default)
    {
        if (!UserIdentifier.TryParse(identifierText, out var identifier, out var error))
        {
            return new SignInAttempt(SignInOutcome.InvalidInput, error);
        }

        if (string.IsNullOrEmpty(password))
        {
            return new SignInAttempt(SignInOutcome.InvalidInput, "Saisissez votre mot de passe.");
        }

        var user = await FindAsync(identifier, cancellationToken);
        if (user is null || !user.IsActive)
        {
            return await RefuseUnknownAsync(identifier, user, password, cancellationToken);
        }

        // A browser where this person signed in before keeps its own counter: guesses from elsewhere do not lock it out.
        if (await devices.FindAsync(user.Id, cancellationToken) is { } device)
        {
            return await SignInOnKnownDeviceAsync(user, device, identifier, password, cancellationToken);
        }

        var wasLocked = await users.IsLockedOutAsync(user);
        if (wasLocked)
        {
            SpendDecoyHash(password); // Identity answers a locked account without hashing: the same work as the others.
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return await SucceedAsync(user, identifier, null, cancellationToken);
        }

        if (result.IsLockedOut)
        {
            // "Locked out" is recorded once, when the lock starts (the alerts count locks); tries during it are failures.
            await WriteAsync(wasLocked
                ? audit.Anonymous(AuditActions.SignInFailed, user.Id, user.DisplayName, user.TenantId, new { reason = "locked", device = "new" })
                : audit.Anonymous(AuditActions.LockedOut, user.Id, user.DisplayName, user.TenantId, new { identifier = identifier.Value, device = "new" }), cancellationToken);
            if (!wasLocked)
            {
                await alerts.AccountLockedAsync(user, currentUser.IpAddress, deviceOnly: false, cancellationToken);
            }

            return new SignInAttempt(SignInOutcome.LockedOut, LockedOutMessage(user.LockoutEnd?.UtcDateTime));
        }

        await WriteAsync(audit.Anonymous(AuditActions.SignInFailed, user.Id, user.DisplayName, user.TenantId, new { reason = "wrong_password" }), cancellationToken);
        return new SignInAttempt(SignInOutcome.InvalidCredentials, WrongCredentialsMessage);
    }

    public async Task SignOutAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (await users.GetUserAsync(principal) is { } user)
        {
            await WriteAsync(audit.Anonymous(AuditActions.SignOut, user.Id, user.DisplayName, user.TenantId), cancellationToken);
        }

        await sessions.EndAsync(principal, SessionEndReasons.SignOut, cancellationToken);
        await signIn.SignOutAsync();
    }

    /// <summary>Returns the French problems to show; empty when the password was changed and the cookie refreshed.</summary>
    public async Task<IReadOnlyList<string>> ChangePasswordAsync(ClaimsPrincipal principal, string? currentPassword, string? newPassword, CancellationToken cancellationToken = default)
    {
        var user = await users.GetUserAsync(principal) ?? throw new Domain.Common.ForbiddenException("Votre session a expiré ; reconnectez-vous.");
        if (string.IsNullOrEmpty(currentPassword))
        {
            return ["Saisissez votre mot de passe actuel."];
        }

        var problems = PasswordPolicy.Check(newPassword).ToList();
        if (newPassword == currentPassword)
        {
            problems.Add("Le nouveau mot de passe doit être différent de l'ancien.");
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        // Guesses of the current password count like failed sign-ins, on this browser's own counter when it is a known
        // device (so a lock caused by strangers does not stop the owner from changing the password): audited, and five of
        // them lock and end the session (a stolen session must not become a password-guessing oracle).
        var device = await devices.FindAsync(user.Id, cancellationToken);
        if (device is not null ? device.IsLockedAt(Now()) : await users.IsLockedOutAsync(user))
        {
            await EndSessionAsync(principal, cancellationToken);
            return [LockedOutMessage(device is not null ? device.LockedUntil : user.LockoutEnd?.UtcDateTime)];
        }

        if (!await users.CheckPasswordAsync(user, currentPassword))
        {
            DateTime? lockedUntil;
            if (device is not null)
            {
                lockedUntil = (await devices.FailedAsync(device, cancellationToken)).Device.LockedUntil;
            }
            else
            {
                await users.AccessFailedAsync(user);
                lockedUntil = await users.IsLockedOutAsync(user) ? user.LockoutEnd?.UtcDateTime : null;
            }

            var locked = lockedUntil > Now();
            await WriteAsync(audit.Anonymous(locked ? AuditActions.LockedOut : AuditActions.ChangePasswordFailed, user.Id, user.DisplayName, user.TenantId,
                new { reason = "wrong_current_password" }), cancellationToken);
            if (locked)
            {
                await alerts.AccountLockedAsync(user, currentUser.IpAddress, deviceOnly: device is not null, cancellationToken);
                await EndSessionAsync(principal, cancellationToken);
                return [LockedOutMessage(lockedUntil)];
            }

            return ["Le mot de passe actuel est incorrect."];
        }

        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword!);
        if (!result.Succeeded)
        {
            return result.Errors.Select(e => e.Description).ToList();
        }

        // The new password ends every session of the account, this one included, then opens a new one for this browser.
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await sessions.EndAllAsync(user.Id, SessionEndReasons.PasswordChanged, cancellationToken);
        await StartSessionAsync(user, cancellationToken);
        await WriteAsync(audit.Anonymous(AuditActions.ChangePassword, user.Id, user.DisplayName, user.TenantId), cancellationToken);
        return [];
    }

    /// <summary>The signed-in person's own theme choice ("light" or "dark"; null follows the system), kept for their next visits.</summary>
    public async Task SetThemeAsync(string? theme, CancellationToken cancellationToken = default)
    {
        if (theme is not (null or "light" or "dark"))
        {
            throw new ArgumentOutOfRangeException(nameof(theme), theme, "Theme must be light, dark or null.");
        }

        await using var db = portalDb.ForCurrentUser(Permissions.Account.Own);
        await db.Users.Where(u => u.Id == currentUser.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Theme, theme), cancellationToken);
    }

    private Task<PortalUser?> FindAsync(UserIdentifier identifier, CancellationToken cancellationToken) => identifier.IsEmail
        ? users.FindByEmailAsync(identifier.Value)
        : users.Users.FirstOrDefaultAsync(u => u.PhoneNumber == identifier.Value, cancellationToken);

    private async Task<SignInAttempt> SignInOnKnownDeviceAsync(PortalUser user, SignInDevice device, UserIdentifier identifier, string password, CancellationToken cancellationToken)
    {
        if (device.IsLockedAt(Now()))
        {
            SpendDecoyHash(password);
            await WriteAsync(audit.Anonymous(AuditActions.SignInFailed, user.Id, user.DisplayName, user.TenantId, new { reason = "locked", device = "known" }), cancellationToken);
            return new SignInAttempt(SignInOutcome.LockedOut, LockedOutMessage(device.LockedUntil));
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            return await SucceedAsync(user, identifier, device, cancellationToken);
        }

        var (now, newlyLocked) = await devices.FailedAsync(device, cancellationToken);
        if (newlyLocked)
        {
            await WriteAsync(audit.Anonymous(AuditActions.LockedOut, user.Id, user.DisplayName, user.TenantId, new { identifier = identifier.Value, device = "known" }), cancellationToken);
            await alerts.AccountLockedAsync(user, currentUser.IpAddress, deviceOnly: true, cancellationToken);
            return new SignInAttempt(SignInOutcome.LockedOut, LockedOutMessage(now.LockedUntil));
        }

        await WriteAsync(audit.Anonymous(AuditActions.SignInFailed, user.Id, user.DisplayName, user.TenantId, new { reason = "wrong_password", device = "known" }), cancellationToken);
        return new SignInAttempt(SignInOutcome.InvalidCredentials, WrongCredentialsMessage);
    }

    private async Task<SignInAttempt> SucceedAsync(PortalUser user, UserIdentifier identifier, SignInDevice? device, CancellationToken cancellationToken)
    {
        user.LastLoginAt = Now();
        await users.UpdateAsync(user);
        await devices.RememberAsync(user.Id, device, cancellationToken);
        await StartSessionAsync(user, cancellationToken);
        await WriteAsync(audit.Anonymous(AuditActions.SignIn, user.Id, user.DisplayName, user.TenantId, new { identifier = identifier.Value }), cancellationToken);
        return new SignInAttempt(SignInOutcome.Succeeded, null, user);
    }

    // The cookie names a new server-side session, so ending it on the server ends the cookie too.
    private async Task StartSessionAsync(PortalUser user, CancellationToken cancellationToken)
    {
        var sessionId = await sessions.StartAsync(user.Id, currentUser.IpAddress, currentUser.UserAgent, cancellationToken);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(PortalClaims.SessionId, sessionId.ToString()), new Claim("amr", "pwd")]);
    }

    private async Task EndSessionAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        await sessions.EndAsync(principal, SessionEndReasons.LockedOut, cancellationToken);
        await signIn.SignOutAsync();
    }

    // An unknown (or deactivated) identifier gets the same work (one password hash) and, after as many tries, the same
    // "locked" answer as a real account, so neither the timing nor the wording tells whether the account exists. The typed
    // identifier goes into the details, never into the actor's name the activity feed shows.
    private async Task<SignInAttempt> RefuseUnknownAsync(UserIdentifier identifier, PortalUser? inactive, string password, CancellationToken cancellationToken)
    {
        SpendDecoyHash(password);
        var key = "sign-in-unknown:" + identifier.Value;
        var failures = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = SignInDevice.LockoutDuration;
            return new UnknownFailures(Now() + SignInDevice.LockoutDuration);
        })!;
        var locked = Interlocked.Increment(ref failures.Count) >= SignInDevice.MaxFailures;
        await WriteAsync(audit.Anonymous(AuditActions.SignInFailed, inactive?.Id, inactive?.DisplayName ?? UnknownActor, inactive?.TenantId,
            new { reason = inactive is null ? "unknown_identifier" : "inactive", identifier = identifier.Value }), cancellationToken);
        return locked
            ? new SignInAttempt(SignInOutcome.LockedOut, LockedOutMessage(failures.Until))
            : new SignInAttempt(SignInOutcome.InvalidCredentials, WrongCredentialsMessage);
    }

    private void SpendDecoyHash(string password)
    {
        DecoyHash ??= hasher.HashPassword(TimingDecoy, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(TimingDecoy, DecoyHash, password);
    }

    private string LockedOutMessage(DateTime? untilUtc)
    {
        var minutes = untilUtc is { } end ? Math.Max(1, (int)Math.Ceiling((end - Now()).TotalMinutes)) : 15;
        return $"Compte verrouillé après 5 tentatives échouées. Réessayez dans {minutes} minute{(minutes > 1 ? "s" : string.Empty)}.";
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    // Identity's SignInManager and UserManager commit their own changes (failed-attempt counters, lockout, password hash),
    // so these entries follow in a second commit right after: the one place where the audit is not in the change's commit.
    private async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var db = portalDb.ForSystem("account audit");
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed class UnknownFailures(DateTime until)
    {
        public int Count;

        public DateTime Until { get; } = until;
    }
}
