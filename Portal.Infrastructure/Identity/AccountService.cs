using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Identity;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Identity;

/// <summary>Sign-in by email or phone, lockout, first-login password change, theme preference.</summary>
public sealed class AccountService(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    IPasswordHasher<PortalUser> hasher,
    PortalDb portalDb,
    CurrentUser currentUser,
    AuditTrail audit,
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
            // The same work as a real check (one password hash), so the answer's timing does not tell whether the account
            // exists; the typed identifier goes into the details, never into the actor's name the activity feed shows.
            DecoyHash ??= hasher.HashPassword(TimingDecoy, Guid.NewGuid().ToString("N"));
            hasher.VerifyHashedPassword(TimingDecoy, DecoyHash, password);
            await WriteAsync(audit.Anonymous(AuditActions.SignInFailed, user?.Id, user?.DisplayName ?? UnknownActor, user?.TenantId,
                new { reason = user is null ? "unknown_identifier" : "inactive", identifier = identifier.Value }), cancellationToken);
            return new SignInAttempt(SignInOutcome.InvalidCredentials, WrongCredentialsMessage);
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            user.LastLoginAt = clock.GetUtcNow().UtcDateTime;
            await users.UpdateAsync(user);
            await WriteAsync(audit.Anonymous(AuditActions.SignIn, user.Id, user.DisplayName, user.TenantId, new { identifier = identifier.Value }), cancellationToken);
            return new SignInAttempt(SignInOutcome.Succeeded, null, user);
        }

        if (result.IsLockedOut)
        {
            await WriteAsync(audit.Anonymous(AuditActions.LockedOut, user.Id, user.DisplayName, user.TenantId, new { identifier = identifier.Value }), cancellationToken);
            return new SignInAttempt(SignInOutcome.LockedOut, LockedOutMessage(user));
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

        // Guesses of the current password count like failed sign-ins: audited, and five of them lock the account and end
        // the session (a stolen session must not become a password-guessing oracle).
        if (await users.IsLockedOutAsync(user))
        {
            await signIn.SignOutAsync();
            return [LockedOutMessage(user)];
        }

        if (!await users.CheckPasswordAsync(user, currentPassword))
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            await WriteAsync(audit.Anonymous(locked ? AuditActions.LockedOut : AuditActions.ChangePasswordFailed, user.Id, user.DisplayName, user.TenantId,
                new { reason = "wrong_current_password" }), cancellationToken);
            if (locked)
            {
                await signIn.SignOutAsync();
                return [LockedOutMessage(user)];
            }

            return ["Le mot de passe actuel est incorrect."];
        }

        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword!);
        if (!result.Succeeded)
        {
            return result.Errors.Select(e => e.Description).ToList();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
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

    private string LockedOutMessage(PortalUser user)
    {
        var minutes = user.LockoutEnd is { } end ? Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes)) : 15;
        return $"Compte verrouillé après 5 tentatives échouées. Réessayez dans {minutes} minute{(minutes > 1 ? "s" : string.Empty)}.";
    }

    // Identity's SignInManager and UserManager commit their own changes (failed-attempt counters, lockout, password hash),
    // so these entries follow in a second commit right after: the one place where the audit is not in the change's commit.
    private async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var db = portalDb.ForSystem("account audit");
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }
}
