using Microsoft.AspNetCore.Identity;
using Portal.Domain.Identity;

namespace Portal.Infrastructure.Identity;

/// <summary>Identity's messages, in French, worded as our own password policy words them.</summary>
internal sealed class FrenchIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Le mot de passe actuel est incorrect.");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Le mot de passe doit contenir au moins {length} caractères.");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Le mot de passe doit contenir au moins une lettre majuscule.");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Le mot de passe doit contenir au moins une lettre minuscule.");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Le mot de passe doit contenir au moins un chiffre.");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Le mot de passe doit contenir au moins un caractère spécial.");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"L'adresse e-mail {email} est déjà utilisée.");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"L'identifiant {userName} est déjà utilisé.");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"L'adresse e-mail {email} est invalide.");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"L'identifiant {userName} est invalide.");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Ce compte a été modifié entre-temps ; rechargez la page et réessayez.");

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Une erreur est survenue.");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Le verrouillage n'est pas activé pour ce compte.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };

    internal static void Apply(IdentityOptions options)
    {
        options.Password.RequiredLength = PasswordPolicy.MinimumLength;
        options.Password.RequireUppercase = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireDigit = true;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false; // emails are optional; the unique EmailIndex guards them
        options.SignIn.RequireConfirmedAccount = false;
    }
}
